package com.inmo.activities.calendar.google;

import static com.inmo.activities.api.InternalApiClient.expect;

import com.inmo.activities.api.InternalApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Google calendar, if any, a calendar call of a broker uses; decided per call, so a calendar connected
 * or revoked takes effect without a restart (answers are kept {@link GoogleCalendarSettings#connectionCache()}).
 *
 * <p>The api answers {@code GET /internal/v1/brokers/{slug}/calendar/google[?leadId=&appointmentId=]}: the
 * appointment's calendar, else the lead's assigned agent's, else the broker's (any of them possibly
 * "disconnected"), or 404. With no connection the default broker uses {@code GOOGLE_REFRESH_TOKEN}, unless the
 * api recorded that very token as revoked (an {@code environment} record with its fingerprint). Empty means
 * the local calendar.
 */
public class GoogleConnections {

  private static final Logger log = LoggerFactory.getLogger(GoogleConnections.class);

  private final InternalApiClient api;
  private final GoogleCalendarSettings settings;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Optional<GoogleConnection> connection, Instant until) {
  }

  /** The api's answer. */
  record WorkerConnection(UUID connectionId, UUID userId, String source, String status, String refreshToken,
                          String calendarId, boolean meet, String envFingerprint) {

    @Override
    public String toString() {
      return "WorkerConnection[" + connectionId + ", " + source + ", " + status + "]"; // never the token
    }
  }

  public GoogleConnections(InternalApiClient api, GoogleCalendarSettings settings) {
    this(api, settings, Clock.systemUTC());
  }

  public GoogleConnections(InternalApiClient api, GoogleCalendarSettings settings, Clock clock) {
    this.api = api;
    this.settings = settings;
    this.clock = clock;
  }

  /** The calendar for a call about the broker, a lead, an appointment (either may be null). */
  public Optional<GoogleConnection> resolve(String brokerSlug, UUID leadId, UUID appointmentId) {
    if (!settings.clientConfigured()) {
      return Optional.empty();
    }
    String key = brokerSlug + "|" + leadId + "|" + appointmentId;
    Instant now = clock.instant();
    Cached cached = cache.get(key);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.connection();
    }
    Optional<GoogleConnection> found = ask(brokerSlug, leadId, appointmentId);
    cache.put(key, new Cached(found, now.plus(settings.connectionCache())));
    return found;
  }

  private Optional<GoogleConnection> ask(String brokerSlug, UUID leadId, UUID appointmentId) {
    StringBuilder path = new StringBuilder("/internal/v1/brokers/")
        .append(URLEncoder.encode(brokerSlug, StandardCharsets.UTF_8)).append("/calendar/google");
    String sep = "?";
    if (leadId != null) {
      path.append(sep).append("leadId=").append(leadId);
      sep = "&";
    }
    if (appointmentId != null) {
      path.append(sep).append("appointmentId=").append(appointmentId);
    }
    InternalApiClient.Response response = api.get(path.toString());
    if (response.status() == 404) {
      return environment(brokerSlug, null);
    }
    WorkerConnection c = expect(response, "Google calendar connection", 200).as(WorkerConnection.class);
    if ("environment".equals(c.source())) {
      return environment(brokerSlug, c);
    }
    if (!"connected".equals(c.status()) || c.refreshToken() == null || c.refreshToken().isBlank()) {
      return Optional.empty(); // disconnected: the local calendar until it is connected again
    }
    return Optional.of(new GoogleConnection(c.connectionId(), c.userId(), c.refreshToken(),
        c.calendarId() == null || c.calendarId().isBlank() ? "primary" : c.calendarId(), c.meet()));
  }

  /** The default broker's GOOGLE_REFRESH_TOKEN, unless the api recorded this very token as revoked. */
  private Optional<GoogleConnection> environment(String brokerSlug, WorkerConnection record) {
    if (!settings.environmentCalendar() || !settings.defaultBroker().equalsIgnoreCase(brokerSlug)) {
      return Optional.empty();
    }
    if (record != null && "disconnected".equals(record.status())
        && settings.envFingerprint().equals(record.envFingerprint())) {
      return Optional.empty();
    }
    return Optional.of(new GoogleConnection(null, null, settings.envRefreshToken(), settings.envCalendarId(), false));
  }

  /**
   * Google refused the credential (revoked, expired, 401): the api marks the calendar disconnected (the
   * dashboard shows it) and this broker's later calls use the local calendar until it is connected again.
   */
  public void disconnected(String brokerSlug, GoogleConnection connection, String reason) {
    log.warn("Broker {}: Google refused the calendar credential of {} ({}); marking it disconnected, the local "
        + "calendar serves it from now on", brokerSlug, connection, reason);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("connectionId", connection.connectionId());
    body.put("envFingerprint", connection.fromEnvironment() ? settings.envFingerprint() : null);
    body.put("calendarId", connection.calendarId());
    body.put("reason", reason);
    expect(api.post("/internal/v1/brokers/" + URLEncoder.encode(brokerSlug, StandardCharsets.UTF_8)
        + "/calendar/google/disconnected", body), "mark calendar disconnected", 200, 204);
    forget(brokerSlug);
  }

  /** Drops the broker's remembered answers. */
  public void forget(String brokerSlug) {
    cache.keySet().removeIf(k -> k.startsWith(brokerSlug + "|"));
  }
}
