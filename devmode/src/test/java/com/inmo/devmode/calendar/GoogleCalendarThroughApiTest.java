package com.inmo.devmode.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.calendar.LocalCalendarActivities;
import com.inmo.activities.calendar.google.GoogleCalendarActivities;
import com.inmo.activities.calendar.google.GoogleCalendarSettings;
import com.inmo.activities.calendar.google.GoogleEventIds;
import com.inmo.api.ApiApplication;
import com.inmo.workflows.activity.BookingRequest;
import com.inmo.workflows.activity.BookingResult;
import com.inmo.workflows.activity.CancellationRequest;
import com.inmo.workflows.activity.SlotOffer;
import com.inmo.workflows.activity.SlotQuery;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Google Calendar through the running api on the machine's PostgreSQL: an admin connects the broker's calendar
 * with the real OAuth flow (against a local Google), then the worker's adapter books through the api's local
 * calendar and Google. Concurrent bookings of one slot end with one booking and one Google event (the unique
 * index decides, not Google); a revoked token turns the dashboard's status "disconnected" and bookings local,
 * until the admin connects again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoogleCalendarThroughApiTest {

  static final String TOKEN = "devmode-google-internal-token";
  static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  final HttpClient http = HttpClient.newHttpClient();
  final Google google = new Google();
  String database;
  ConfigurableApplicationContext api;
  String base;
  UUID brokerId = UUID.randomUUID();
  String slug = "g-" + brokerId.toString().substring(0, 8);
  UUID adminId = UUID.randomUUID();
  String admin;
  GoogleCalendarActivities calendar;

  @BeforeAll
  void startTheApi() throws Exception {
    google.server.start();
    database = "inmo_gcal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    sql("postgres", "CREATE DATABASE " + database);
    Map<String, Object> props = new HashMap<>();
    props.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + database);
    props.put("REDIS_URL", "redis://127.0.0.1:6379");
    props.put("PORT", "0");
    props.put("INTERNAL_PORT", "0");
    props.put("INTERNAL_API_TOKEN", TOKEN);
    props.put("INMO_SEED_DEMO", "false");
    props.put("spring.temporal.test-server.enabled", "true");
    props.put("inmo.events.channel", "inmo:events:" + database);
    props.put("GOOGLE_CLIENT_ID", "devmode-client.apps.googleusercontent.com");
    props.put("GOOGLE_CLIENT_SECRET", "GOCSPX-devmode");
    props.put("GOOGLE_OAUTH_TOKEN_URL", google.server.url("/token").toString());
    props.put("GOOGLE_OAUTH_AUTH_URL", google.server.url("/o/oauth2/v2/auth").toString());
    props.put("ALLOWED_ORIGINS", "https://app.inmo.test");
    api = ApiApplication.builder(props).registerShutdownHook(false).run();
    base = "http://127.0.0.1:" + api.getEnvironment().getProperty("local.server.port");

    sql(database, "INSERT INTO brokers (id, slug, name) VALUES ('" + brokerId + "', '" + slug + "', 'Corredora Google')");
    for (int d = 1; d <= 7; d++) {
      sql(database, "INSERT INTO availability (broker_id, weekday, start_time, end_time, slot_minutes) VALUES ('"
          + brokerId + "', " + d + ", '09:00', '19:00', 60)");
    }
    sql(database, "INSERT INTO users (id, broker_id, email, password_hash, full_name, role) VALUES ('" + adminId
        + "', '" + brokerId + "', 'admin-" + slug + "@test.inmo.cl', 'x', 'Admin Google', 'ADMIN')");
    // a session of the admin's (a refresh-token family): the api checks each token's sid against it
    UUID session = UUID.randomUUID();
    sql(database, "INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at) VALUES ('"
        + UUID.randomUUID() + "', '" + adminId + "', '" + session + "', 'devmode-" + session + "', now() + interval '1 day')");
    Instant now = Instant.now();
    admin = api.getBean(JwtEncoder.class).encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
        JwtClaimsSet.builder().issuer("inmo").subject(adminId.toString()).issuedAt(now)
            .expiresAt(now.plus(1, ChronoUnit.HOURS)).claim("role", "ADMIN").claim("broker_id", brokerId.toString())
            .claim("sid", session.toString())
            .build())).getTokenValue();

    // the worker's side: the api's internal port
    InternalApiClient client = new InternalApiClient("http://127.0.0.1:"
        + api.getEnvironment().getProperty("local.internal.port"), TOKEN);
    GoogleCalendarSettings settings = new GoogleCalendarSettings("devmode-client.apps.googleusercontent.com",
        "GOCSPX-devmode", "", "primary", "demo", google.server.url("/").toString(),
        google.server.url("/token").toString(), Duration.ZERO, Duration.ofSeconds(10));
    calendar = new GoogleCalendarActivities(new LocalCalendarActivities(client), client, settings);
    connect("1//devmode-refresh-" + UUID.randomUUID());
  }

  @AfterAll
  void stop() throws Exception {
    if (api != null) {
      api.close();
    }
    google.server.shutdown();
    sql("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  /** The admin's connect flow, as the browser goes through it. */
  void connect(String refreshToken) throws Exception {
    google.nextRefreshToken = refreshToken;
    HttpResponse<String> start = get("/api/v1/calendar/google/connect", admin);
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    String url = InternalApiClient.JSON.readTree(start.body()).path("authorizationUrl").asText();
    Map<String, String> q = query(URI.create(url).getRawQuery());
    HttpResponse<String> back = get("/oauth/google/callback?code=4%2F0devmode&state="
        + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8), null);
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location")).hasValue("https://app.inmo.test/settings?calendar=connected");
  }

  String status() throws Exception {
    return InternalApiClient.JSON.readTree(get("/api/v1/calendar/google", admin).body()).path("status").asText();
  }

  HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path));
    if (bearer != null) {
      r.header("Authorization", "Bearer " + bearer);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  Instant slot(int daysAhead, int hour) {
    return LocalDate.now(SANTIAGO).plusDays(daysAhead).atTime(hour, 0).atZone(SANTIAGO).toInstant();
  }

  BookingRequest booking(Instant slot) {
    return new BookingRequest(slug, UUID.randomUUID(), "lead-" + slug + "-x", UUID.randomUUID(), slot, "Ana", null);
  }

  @Test
  void concurrentBookingsOfOneSlotEndWithOneBookingAndOneGoogleEvent() throws Exception {
    Instant slot = slot(3, 11);
    int leads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(leads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<BookingResult>> futures = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      BookingRequest request = booking(slot);
      futures.add(pool.submit((Callable<BookingResult>) () -> {
        go.await();
        return calendar.book(request);
      }));
    }
    go.countDown();
    List<BookingResult> results = new ArrayList<>();
    for (Future<BookingResult> f : futures) {
      results.add(f.get());
    }
    pool.shutdown();

    List<BookingResult> won = results.stream().filter(BookingResult::booked).toList();
    assertThat(won).hasSize(1);
    assertThat(results.stream().filter(r -> "taken".equals(r.reason()))).hasSize(leads - 1);
    String eventId = GoogleEventIds.of(won.get(0).appointmentId());
    assertThat(google.events.keySet().stream().filter(k -> k.startsWith("primary/")).map(k -> k.substring(8))
        .filter(id -> google.events.get("primary/" + id).path("start").path("dateTime").asText().length() > 0)
        .filter(id -> Instant.parse(google.events.get("primary/" + id).path("start").path("dateTime").asText()).equals(slot))
        .toList()).containsExactly(eventId);
    List<String> rows = rows("SELECT status || ':' || coalesce(google_event_id, '-') || ':' "
        + "|| (calendar_connection_id IS NOT NULL) FROM appointments WHERE broker_id = '" + brokerId
        + "' AND slot_start = '" + slot + "'");
    assertThat(rows).containsExactly("BOOKED:" + eventId + ":true");
  }

  @Test
  void googleBusyTimeIsNotOfferedAndACancelDeletesTheEvent() throws Exception {
    Instant busyStart = slot(5, 10).plus(30, ChronoUnit.MINUTES);
    google.busy.put(busyStart, busyStart.plus(1, ChronoUnit.HOURS)); // 10:00 and 11:00 overlap it

    SlotOffer offer = calendar.availableSlots(new SlotQuery(slug, slot(5, 9).minusSeconds(1), 1, 4));

    assertThat(offer.slots()).containsExactly(slot(5, 9), slot(5, 12), slot(5, 13), slot(5, 14));

    BookingRequest request = booking(slot(5, 15));
    assertThat(calendar.book(request).booked()).isTrue();
    String key = "primary/" + GoogleEventIds.of(request.appointmentId());
    assertThat(google.events).containsKey(key);
    assertThat(calendar.cancel(new CancellationRequest(slug, request.appointmentId(), "cambio de planes")).cancelled())
        .isTrue();
    assertThat(google.events).doesNotContainKey(key);
  }

  @Test
  void aRevokedTokenShowsDisconnectedAndBookingsStayLocalUntilReconnected() throws Exception {
    assertThat(status()).isEqualTo("connected");
    google.revoked = true;

    BookingRequest during = booking(slot(7, 10));
    BookingResult booked = calendar.book(during);

    assertThat(booked.booked()).as("the local booking stands").isTrue();
    assertThat(status()).isEqualTo("disconnected");
    assertThat(rows("SELECT calendar_sync_error FROM appointments WHERE id = '" + during.appointmentId() + "'").get(0))
        .contains("invalid_grant");
    int inserts = google.inserts.size();
    assertThat(calendar.book(booking(slot(7, 11))).booked()).isTrue();
    assertThat(calendar.availableSlots(new SlotQuery(slug, slot(7, 9).minusSeconds(1), 1, 2)).slots()).hasSize(2);
    assertThat(google.inserts).as("Google is left alone while disconnected").hasSize(inserts);

    google.revoked = false;
    connect("1//devmode-reconnected");
    assertThat(status()).isEqualTo("connected");
    BookingRequest after = booking(slot(7, 12));
    assertThat(calendar.book(after).booked()).isTrue();
    assertThat(google.events).containsKey("primary/" + GoogleEventIds.of(after.appointmentId()));
    assertThat(google.lastRefreshToken).isEqualTo("1//devmode-reconnected");
  }

  // --- a local Google: the token endpoint (both grants), freeBusy, events insert/get/delete ---

  static final class Google {
    final MockWebServer server = new MockWebServer();
    final Map<String, JsonNode> events = new ConcurrentHashMap<>();
    final Map<Instant, Instant> busy = new ConcurrentHashMap<>();
    final List<String> inserts = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile boolean revoked;
    volatile String nextRefreshToken;
    volatile String lastRefreshToken;

    Google() {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          try {
            return answer(request);
          } catch (IOException | RuntimeException e) {
            return json(500, "{\"error\":{\"code\":500,\"message\":\"" + e + "\"}}");
          }
        }
      });
    }

    synchronized MockResponse answer(RecordedRequest r) throws IOException {
      String path = r.getPath();
      String body = body(r);
      if (path.equals("/token")) {
        Map<String, String> form = query(body);
        if ("authorization_code".equals(form.get("grant_type"))) {
          return json(200, "{\"access_token\":\"ya29.code\",\"expires_in\":3599,\"refresh_token\":\""
              + nextRefreshToken + "\",\"scope\":\"https://www.googleapis.com/auth/calendar\",\"token_type\":\"Bearer\"}");
        }
        lastRefreshToken = form.get("refresh_token");
        return revoked ? json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")
            : json(200, "{\"access_token\":\"ya29.fresh\",\"expires_in\":3599,\"scope\":"
                + "\"https://www.googleapis.com/auth/calendar\",\"token_type\":\"Bearer\"}");
      }
      if (revoked) {
        return json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\","
            + "\"errors\":[{\"message\":\"Invalid Credentials\",\"domain\":\"global\",\"reason\":\"authError\"}],"
            + "\"status\":\"UNAUTHENTICATED\"}}");
      }
      if (path.startsWith("/calendar/v3/freeBusy")) {
        JsonNode q = InternalApiClient.JSON.readTree(body);
        Instant min = Instant.parse(q.path("timeMin").asText());
        Instant max = Instant.parse(q.path("timeMax").asText());
        ObjectNode out = InternalApiClient.JSON.createObjectNode().put("kind", "calendar#freeBusy")
            .put("timeMin", q.path("timeMin").asText()).put("timeMax", q.path("timeMax").asText());
        var periods = out.putObject("calendars").putObject(q.path("items").get(0).path("id").asText()).putArray("busy");
        busy.forEach((s, e) -> {
          if (s.isBefore(max) && e.isAfter(min)) {
            periods.addObject().put("start", s.toString()).put("end", e.toString());
          }
        });
        return json(200, out.toString());
      }
      String[] parts = path.split("\\?")[0].split("/"); // "", calendar, v3, calendars, {id}, events[, {eventId}]
      if (parts.length >= 6 && parts[3].equals("calendars") && parts[5].equals("events")) {
        String calendarId = URLDecoder.decode(parts[4], StandardCharsets.UTF_8);
        if (r.getMethod().equals("POST")) {
          ObjectNode event = (ObjectNode) InternalApiClient.JSON.readTree(body);
          String key = calendarId + "/" + event.path("id").asText();
          inserts.add(key);
          if (events.containsKey(key)) {
            return json(409, "{\"error\":{\"errors\":[{\"domain\":\"global\",\"reason\":\"duplicate\",\"message\":"
                + "\"The requested identifier already exists.\"}],\"code\":409,\"message\":"
                + "\"The requested identifier already exists.\"}}");
          }
          event.put("status", "confirmed").put("htmlLink", "https://www.google.com/calendar/event?eid=" + event.path("id").asText());
          events.put(key, event);
          return json(200, event.toString());
        }
        String key = calendarId + "/" + (parts.length > 6 ? parts[6] : "");
        if (r.getMethod().equals("GET") && events.containsKey(key)) {
          return json(200, events.get(key).toString());
        }
        if (r.getMethod().equals("DELETE") && events.remove(key) != null) {
          return new MockResponse().setResponseCode(204);
        }
      }
      return json(404, "{\"error\":{\"errors\":[{\"domain\":\"global\",\"reason\":\"notFound\",\"message\":"
          + "\"Not Found\"}],\"code\":404,\"message\":\"Not Found\"}}");
    }
  }

  static String body(RecordedRequest r) throws IOException {
    if ("gzip".equalsIgnoreCase(r.getHeader("Content-Encoding"))) {
      try (GZIPInputStream in = new GZIPInputStream(r.getBody().clone().inputStream())) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return r.getBody().clone().readUtf8();
  }

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=UTF-8")
        .setBody(body);
  }

  static Map<String, String> query(String raw) {
    if (raw == null || raw.isBlank()) {
      return Map.of();
    }
    return Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
        p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
  }

  static void sql(String db, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db + "?user=postgres");
         Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  List<String> rows(String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
         PreparedStatement s = c.prepareStatement(query); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
