package com.inmo.activities.calendar.google;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.UserCredentials;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link Calendar} client per credential, kept so that its access token (an hour's worth, refreshed by
 * google-auth-library's {@link UserCredentials} from the refresh token at the token endpoint) serves every
 * call until it expires. A 401 from the API makes the adapter refresh once and retry; a refused refresh
 * surfaces as the token endpoint's {@code invalid_grant}.
 */
public class GoogleCalendarClients {

  private final GoogleCalendarSettings settings;
  private final HttpTransport transport = new NetHttpTransport();
  private final Map<String, Calendar> clients = new ConcurrentHashMap<>();

  public GoogleCalendarClients(GoogleCalendarSettings settings) {
    this.settings = settings;
  }

  public Calendar client(GoogleConnection connection) {
    return clients.computeIfAbsent(connection.key(), k -> build(connection));
  }

  /** Drops a refused credential's client. */
  public void forget(GoogleConnection connection) {
    clients.remove(connection.key());
  }

  private Calendar build(GoogleConnection connection) {
    UserCredentials credentials = UserCredentials.newBuilder()
        .setClientId(settings.clientId())
        .setClientSecret(settings.clientSecret())
        .setRefreshToken(connection.refreshToken())
        .setTokenServerUri(URI.create(settings.tokenUrl()))
        .setHttpTransportFactory(() -> transport)
        .build();
    HttpCredentialsAdapter auth = new HttpCredentialsAdapter(credentials);
    int timeout = (int) settings.timeout().toMillis();
    HttpRequestInitializer initializer = request -> {
      auth.initialize(request); // bearer token, and a refresh-and-retry on a 401
      request.setConnectTimeout(timeout);
      request.setReadTimeout(timeout);
      // the adapter answers a 401 with a refresh and a retry, up to this many times: once is enough (a second
      // 401 on a fresh token means the access is gone); Temporal does the retrying of everything else
      request.setNumberOfRetries(1);
    };
    return new Calendar.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
        .setRootUrl(settings.rootUrl())
        .setApplicationName("inmo")
        .build();
  }
}
