package com.inmo.activities.calendar.google;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The worker's Google settings: the OAuth client (refreshing needs its id and secret, for every connection),
 * the default broker's calendar from the environment, and Google's endpoints (local stubs in tests).
 *
 * @param rootUrl         the Calendar API's root ({@code GOOGLE_CALENDAR_ROOT_URL}, default
 *                        {@code https://www.googleapis.com/}); the client appends {@code calendar/v3/}
 * @param tokenUrl        the OAuth token endpoint refresh tokens are exchanged at ({@code GOOGLE_OAUTH_TOKEN_URL})
 * @param connectionCache how long a broker's calendar choice is kept (connecting takes effect within it)
 */
public record GoogleCalendarSettings(String clientId, String clientSecret, String envRefreshToken,
                                     String envCalendarId, String defaultBroker, String rootUrl, String tokenUrl,
                                     Duration connectionCache, Duration timeout) {

  public static final String DEFAULT_ROOT_URL = "https://www.googleapis.com/";
  public static final String DEFAULT_TOKEN_URL = "https://oauth2.googleapis.com/token";

  public GoogleCalendarSettings {
    clientId = strip(clientId);
    clientSecret = strip(clientSecret);
    envRefreshToken = strip(envRefreshToken);
    envCalendarId = strip(envCalendarId).isEmpty() ? "primary" : strip(envCalendarId);
    defaultBroker = strip(defaultBroker).isEmpty() ? "demo" : strip(defaultBroker);
    rootUrl = strip(rootUrl).isEmpty() ? DEFAULT_ROOT_URL : strip(rootUrl);
    if (!rootUrl.endsWith("/")) {
      rootUrl = rootUrl + "/";
    }
    tokenUrl = strip(tokenUrl).isEmpty() ? DEFAULT_TOKEN_URL : strip(tokenUrl);
    URI.create(rootUrl);
    URI.create(tokenUrl);
    connectionCache = connectionCache == null ? Duration.ofSeconds(30) : connectionCache;
    timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  /** Without an OAuth client no refresh token can be used: the local calendar serves every broker. */
  public boolean clientConfigured() {
    return !clientId.isEmpty() && !clientSecret.isEmpty();
  }

  /** The default broker's GOOGLE_REFRESH_TOKEN, usable. */
  public boolean environmentCalendar() {
    return clientConfigured() && !envRefreshToken.isEmpty();
  }

  public String envFingerprint() {
    return fingerprint(envRefreshToken);
  }

  /** The first 16 hex digits of a token's SHA-256 (the api computes the same): names a token, reveals nothing. */
  public static String fingerprint(String token) {
    if (token == null || token.isBlank()) {
      return "";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.strip().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "GoogleCalendarSettings[client " + (clientConfigured() ? "set" : "unset") + ", default broker "
        + defaultBroker + (environmentCalendar() ? " (GOOGLE_REFRESH_TOKEN)" : "") + ", root " + rootUrl + "]";
  }
}
