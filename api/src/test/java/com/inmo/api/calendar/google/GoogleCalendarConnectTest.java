package com.inmo.api.calendar.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/**
 * Connecting a Google calendar: the authorization URL, the callback exchanging the code at a local stub of
 * Google's token endpoint (its real request and answer) and storing the refresh token sealed, the state's
 * guards (forged, expired, reused: 400, nothing stored, Google never asked), tenant scoping, and the worker's
 * internal endpoints (which connection a call uses, "disconnected" when Google revokes it).
 */
@ApiIntegrationTest
@TestPropertySource(properties = {"inmo.google.client-id=test-client.apps.googleusercontent.com",
    "inmo.google.client-secret=GOCSPX-test-secret", "inmo.allowed-origins=https://app.inmo.test",
    "inmo.google.oauth-redirect-url=https://api.inmo.test/oauth/google/callback",
    "inmo.google.oauth-auth-url=https://accounts.google.test/o/oauth2/v2/auth"})
class GoogleCalendarConnectTest {

  static final String REFRESH_TOKEN = "1//0gPlainRefreshTokenFromGoogle-abcdefghijklmnopqrstuvwxyz";
  static final String SCOPE = "https://www.googleapis.com/auth/calendar";
  static final MockWebServer GOOGLE = started();
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

  @DynamicPropertySource
  static void google(DynamicPropertyRegistry registry) {
    registry.add("inmo.google.oauth-token-url", () -> GOOGLE.url("/token").toString());
  }

  /** What the token endpoint answers next, as (status, JSON); a dispatcher, so a stray request never blocks. */
  static volatile String[] tokenAnswer = {"503", "{\"error\":\"temporarily_unavailable\"}"};

  private static MockWebServer started() {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String[] answer = tokenAnswer;
        return new MockResponse().setResponseCode(Integer.parseInt(answer[0]))
            .setHeader("Content-Type", "application/json; charset=utf-8").setBody(answer[1]);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return server;
  }

  @AfterAll
  static void stop() throws IOException {
    GOOGLE.shutdown();
  }

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  EventBus bus;
  TestData data;
  TestData.TestBroker broker;
  UUID adminId;
  String admin;
  UUID agentId;
  String agent;
  WebTestClient internal;

  @BeforeEach
  void setUp() throws InterruptedException {
    http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    tokenAnswer = new String[] {"503", "{\"error\":\"temporarily_unavailable\"}"};
    data = new TestData(db, jwt);
    broker = data.broker();
    adminId = data.user(broker, "ADMIN");
    admin = data.token(adminId, "ADMIN", broker.id());
    agentId = data.user(broker, "AGENT");
    agent = data.token(agentId, "AGENT", broker.id());
    internal = InternalApi.client(internalServer);
    while (GOOGLE.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
      // requests of an earlier test
    }
  }

  private Map<String, String> authorizationQuery(String bearer, String query) {
    Map<String, Object> body = http.get().uri("/api/v1/calendar/google/connect" + query)
        .header("Authorization", "Bearer " + bearer).exchange()
        .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    URI url = URI.create((String) body.get("authorizationUrl"));
    assertThat(url.getScheme() + "://" + url.getAuthority() + url.getPath())
        .isEqualTo("https://accounts.google.test/o/oauth2/v2/auth");
    return query(url.getRawQuery());
  }

  private static Map<String, String> query(String raw) {
    return Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
        p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8),
        (a, b) -> a, LinkedHashMap::new));
  }

  private WebTestClient.ResponseSpec callback(String code, String state) {
    return http.get().uri(u -> u.path("/oauth/google/callback").queryParam("code", code).queryParam("state", state)
        .build()).exchange();
  }

  private static void tokenEndpointGrants(String refreshToken, String scope) {
    tokenAnswer = new String[] {"200", "{\"access_token\":\"ya29.a0AfH6SMBx-test-access\",\"expires_in\":3599,"
        + "\"refresh_token\":\"" + refreshToken + "\",\"scope\":\"" + scope + "\",\"token_type\":\"Bearer\"}"};
  }

  private long connections(UUID brokerId) {
    return data.count("SELECT count(*) FROM calendar_connections WHERE broker_id = :b", Map.of("b", brokerId));
  }

  @Test
  void theAuthorizationUrlAsksForOfflineCalendarAccessWithASignedStateAndPkce() {
    Map<String, String> q = authorizationQuery(admin, "");

    assertThat(q).containsEntry("client_id", "test-client.apps.googleusercontent.com")
        .containsEntry("redirect_uri", "https://api.inmo.test/oauth/google/callback")
        .containsEntry("response_type", "code")
        .containsEntry("scope", SCOPE)
        .containsEntry("access_type", "offline")
        .containsEntry("prompt", "consent")
        .containsEntry("code_challenge_method", "S256");
    assertThat(q.get("state")).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    assertThat(q.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(authorizationQuery(agent, "?agent=me").get("state")).isNotEqualTo(q.get("state"));

    // the broker's calendar is the admin's to connect; an agent connects only their own
    http.get().uri("/api/v1/calendar/google/connect").header("Authorization", "Bearer " + agent).exchange()
        .expectStatus().isForbidden();
    http.get().uri("/api/v1/calendar/google/connect?agent=" + adminId).header("Authorization", "Bearer " + agent)
        .exchange().expectStatus().isForbidden();
    http.get().uri("/api/v1/calendar/google/connect").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void theCallbackExchangesTheCodeAndStoresTheRefreshTokenSealed() throws Exception {
    List<LiveEvent> seen = new CopyOnWriteArrayList<>();
    Disposable listening = bus.events().filter(e -> broker.slug().equals(e.brokerSlug())).subscribe(seen::add);
    Map<String, String> q = authorizationQuery(admin, "");
    tokenEndpointGrants(REFRESH_TOKEN, SCOPE);

    callback("4/0AeaYSHBcode-from-google", q.get("state")).expectStatus().isFound()
        .expectHeader().valueEquals("Location", "https://app.inmo.test/settings?calendar=connected");

    RecordedRequest exchange = GOOGLE.takeRequest(5, TimeUnit.SECONDS);
    assertThat(exchange.getMethod()).isEqualTo("POST");
    assertThat(exchange.getPath()).isEqualTo("/token");
    assertThat(exchange.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = query(exchange.getBody().readUtf8());
    assertThat(form).containsEntry("grant_type", "authorization_code")
        .containsEntry("code", "4/0AeaYSHBcode-from-google")
        .containsEntry("client_id", "test-client.apps.googleusercontent.com")
        .containsEntry("client_secret", "GOCSPX-test-secret")
        .containsEntry("redirect_uri", "https://api.inmo.test/oauth/google/callback");
    assertThat(OAuthStates.challenge(form.get("code_verifier"))).as("PKCE: the verifier of the URL's challenge")
        .isEqualTo(q.get("code_challenge"));

    Map<String, Object> row = db.sql("SELECT refresh_token_ciphertext, status, user_id, connected_by, source "
            + "FROM calendar_connections WHERE broker_id = :b").bind("b", broker.id()).fetch().one().block();
    byte[] sealed = bytes(row.get("refresh_token_ciphertext"));
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(REFRESH_TOKEN)
        .doesNotContain("PlainRefreshToken");
    assertThat(sealed).hasSize(1 + 12 + REFRESH_TOKEN.length() + 16);
    assertThat(row).containsEntry("status", "CONNECTED").containsEntry("connected_by", adminId)
        .containsEntry("source", "oauth");
    assertThat(row.get("user_id")).isNull();

    String shown = http.get().uri("/api/v1/calendar/google").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(shown).contains("\"status\":\"connected\"").contains("\"calendarId\":\"primary\"")
        .contains("\"meet\":false").contains("\"scope\":\"broker\"").contains(adminId.toString())
        .doesNotContain(REFRESH_TOKEN);
    // the worker gets it opened, behind the internal token only
    internal.get().uri("/internal/v1/brokers/{slug}/calendar/google", broker.slug()).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.refreshToken").isEqualTo(REFRESH_TOKEN)
        .jsonPath("$.status").isEqualTo("connected")
        .jsonPath("$.calendarId").isEqualTo("primary");
    InternalApi.withoutToken(internalServer).get().uri("/internal/v1/brokers/{slug}/calendar/google", broker.slug()).exchange()
        .expectStatus().isUnauthorized();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
        .until(() -> seen.stream().anyMatch(e -> LiveEvent.CALENDAR_STATUS.equals(e.type())));
    listening.dispose();
  }

  @Test
  void aForgedExpiredOrReusedStateIs400AndStoresNothing() throws Exception {
    String state = authorizationQuery(admin, "").get("state");
    int dot = state.indexOf('.');
    // a signature character changed where every bit counts (the last one of unpadded base64 carries unused
    // bits: 'A' and 'B' there may decode to the same bytes, which made this test pass a forged state 1 in 16)
    char first = state.charAt(dot + 1);
    String forgedSignature = state.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + state.substring(dot + 2);
    String otherBody = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(java.util.Base64.getUrlDecoder().decode(state.substring(0, dot)), StandardCharsets.UTF_8)
            .replace(adminId.toString(), agentId.toString()).getBytes(StandardCharsets.UTF_8));
    String forgedBody = otherBody + state.substring(dot);

    callback("4/0code", forgedSignature).expectStatus().isBadRequest();
    callback("4/0code", forgedBody).expectStatus().isBadRequest();
    callback("4/0code", "not-a-state").expectStatus().isBadRequest();
    http.get().uri("/oauth/google/callback?code=4/0code").exchange().expectStatus().isBadRequest();

    // expired: the row says so (the signed expiry is checked too)
    String expired = authorizationQuery(admin, "").get("state");
    db.sql("UPDATE calendar_oauth_states SET expires_at = now() - interval '1 second' WHERE broker_id = :b "
        + "AND nonce = :n").bind("b", broker.id()).bind("n", nonce(expired)).fetch().rowsUpdated().block();
    callback("4/0code", expired).expectStatus().isBadRequest();

    assertThat(GOOGLE.takeRequest(200, TimeUnit.MILLISECONDS)).as("Google is never asked").isNull();
    assertThat(connections(broker.id())).isZero();

    // the genuine state works once; its replay is refused
    tokenEndpointGrants(REFRESH_TOKEN, SCOPE);
    callback("4/0code", state).expectStatus().isFound();
    assertThat(GOOGLE.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    db.sql("DELETE FROM calendar_connections WHERE broker_id = :b").bind("b", broker.id()).fetch().rowsUpdated().block();
    callback("4/0code", state).expectStatus().isBadRequest();
    assertThat(GOOGLE.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
    assertThat(connections(broker.id())).isZero();
  }

  private static String nonce(String state) {
    String body = new String(java.util.Base64.getUrlDecoder().decode(state.substring(0, state.indexOf('.'))),
        StandardCharsets.UTF_8);
    return body.substring(0, body.indexOf('|'));
  }

  @Test
  void googleRefusingOrDecliningRedirectsToTheSettingsPageWithTheReason() throws Exception {
    String declined = authorizationQuery(admin, "").get("state");
    http.get().uri(u -> u.path("/oauth/google/callback").queryParam("error", "access_denied")
            .queryParam("state", declined).build()).exchange()
        .expectStatus().isFound()
        .expectHeader().valueEquals("Location", "https://app.inmo.test/settings?calendar=error&reason=access_denied");

    String refused = authorizationQuery(admin, "").get("state");
    tokenAnswer = new String[] {"400", "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}"};
    callback("4/0expired-code", refused).expectStatus().isFound()
        .expectHeader().valueEquals("Location", "https://app.inmo.test/settings?calendar=error&reason=token_exchange");

    String unchecked = authorizationQuery(admin, "").get("state");
    tokenEndpointGrants(REFRESH_TOKEN, "openid https://www.googleapis.com/auth/calendar.readonly");
    callback("4/0code", unchecked).expectStatus().isFound()
        .expectHeader().valueEquals("Location", "https://app.inmo.test/settings?calendar=error&reason=scope_denied");

    assertThat(connections(broker.id())).isZero();
  }

  @Test
  void anAgentConnectsTheirOwnCalendarAndItServesTheirLeads() throws Exception {
    Map<String, String> q = authorizationQuery(agent, "?agent=me");
    tokenEndpointGrants("1//agent-token", SCOPE);
    callback("4/0agent", q.get("state")).expectStatus().isFound();
    connectBroker("1//broker-token");

    http.get().uri("/api/v1/calendar/google?agent=me").header("Authorization", "Bearer " + agent).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.status").isEqualTo("connected").jsonPath("$.scope").isEqualTo("agent")
        .jsonPath("$.userId").isEqualTo(agentId.toString());
    // an admin sees (and may manage) an agent's connection; an agent never the broker's
    http.get().uri("/api/v1/calendar/google?agent=" + agentId).header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.scope").isEqualTo("agent");
    http.get().uri("/api/v1/calendar/google").header("Authorization", "Bearer " + agent).exchange()
        .expectStatus().isForbidden();

    // the worker: the lead's assigned agent's calendar; an unassigned lead, the broker's
    UUID lead = lead(agentId);
    internal.get().uri("/internal/v1/brokers/{slug}/calendar/google?leadId=" + lead, broker.slug()).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.refreshToken").isEqualTo("1//agent-token")
        .jsonPath("$.userId").isEqualTo(agentId.toString());
    UUID unassigned = lead(null);
    internal.get().uri("/internal/v1/brokers/{slug}/calendar/google?leadId=" + unassigned, broker.slug()).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.refreshToken").isEqualTo("1//broker-token");
  }

  private void connectBroker(String token) {
    Map<String, String> q = authorizationQuery(admin, "");
    tokenEndpointGrants(token, SCOPE);
    callback("4/0broker", q.get("state")).expectStatus().isFound()
        .expectHeader().valueEquals("Location", "https://app.inmo.test/settings?calendar=connected");
  }

  private UUID lead(UUID assignee) {
    String workflowId = com.inmo.workflows.lead.LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    UUID id = com.inmo.workflows.lead.LeadWorkflowIds.leadId(workflowId);
    internal.put().uri("/internal/v1/leads/" + id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana", "+56987650000", "POTENTIAL", 60, "HOT"))
        .exchange().expectStatus().isNoContent();
    if (assignee != null) {
      data.assign(id, assignee);
    }
    return id;
  }

  @Test
  void theCalendarIdAndMeetAreSetAndDisconnectingForgetsTheToken() {
    connectBroker(REFRESH_TOKEN);

    http.put().uri("/api/v1/calendar/google").header("Authorization", "Bearer " + admin)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("calendarId", "visitas@group.calendar.google.com", "meet", true)).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.calendarId").isEqualTo("visitas@group.calendar.google.com").jsonPath("$.meet").isEqualTo(true);
    http.put().uri("/api/v1/calendar/google").header("Authorization", "Bearer " + admin)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("calendarId", "has spaces")).exchange()
        .expectStatus().isBadRequest();
    internal.get().uri("/internal/v1/brokers/{slug}/calendar/google", broker.slug()).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.meet").isEqualTo(true)
        .jsonPath("$.calendarId").isEqualTo("visitas@group.calendar.google.com");

    http.delete().uri("/api/v1/calendar/google").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isNoContent();
    http.get().uri("/api/v1/calendar/google").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("not_connected");
    assertThat(connections(broker.id())).isZero();
    internal.get().uri("/internal/v1/brokers/{slug}/calendar/google", broker.slug()).exchange()
        .expectStatus().isNotFound();
  }

  @Test
  void anotherTenantsBrokerOrUserIs404AndNothingChanges() {
    connectBroker(REFRESH_TOKEN);
    TestData.TestBroker other = data.broker();
    UUID otherAdmin = data.user(other, "ADMIN");
    String otherToken = data.token(otherAdmin, "ADMIN", other.id());
    UUID otherAgent = data.user(other, "AGENT");

    for (String query : List.of("?broker=" + broker.slug(), "?agent=" + agentId, "?agent=" + adminId)) {
      http.get().uri("/api/v1/calendar/google" + query).header("Authorization", "Bearer " + otherToken).exchange()
          .expectStatus().isNotFound();
      http.put().uri("/api/v1/calendar/google" + query).header("Authorization", "Bearer " + otherToken)
          .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("meet", true)).exchange()
          .expectStatus().isNotFound();
      http.delete().uri("/api/v1/calendar/google" + query).header("Authorization", "Bearer " + otherToken).exchange()
          .expectStatus().isNotFound();
      http.get().uri("/api/v1/calendar/google/connect" + query.replace("?agent=" + agentId, "?broker=" + broker.slug()))
          .header("Authorization", "Bearer " + otherToken).exchange().expectStatus().is4xxClientError();
    }
    http.get().uri("/api/v1/calendar/google?agent=" + otherAgent).header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isNotFound();
    http.get().uri("/api/v1/calendar/google/connect?broker=" + broker.slug())
        .header("Authorization", "Bearer " + otherToken).exchange().expectStatus().isNotFound();

    http.get().uri("/api/v1/calendar/google").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("connected")
        .jsonPath("$.meet").isEqualTo(false);
    // a superadmin names the broker
    String superadmin = data.token(data.superadmin(), "SUPERADMIN", null);
    http.get().uri("/api/v1/calendar/google?broker=" + broker.slug()).header("Authorization", "Bearer " + superadmin)
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("connected");
  }

  @Test
  void aRevokedTokenReadsDisconnectedAndIsAnnouncedOnce() {
    connectBroker(REFRESH_TOKEN);
    UUID connection = db.sql("SELECT id FROM calendar_connections WHERE broker_id = :b").bind("b", broker.id())
        .map((row, meta) -> row.get("id", UUID.class)).one().block();
    List<LiveEvent> seen = new CopyOnWriteArrayList<>();
    Disposable listening = bus.events().filter(e -> broker.slug().equals(e.brokerSlug())).subscribe(seen::add);

    for (int i = 0; i < 2; i++) {
      internal.post().uri("/internal/v1/brokers/{slug}/calendar/google/disconnected", broker.slug())
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("connectionId", connection.toString(), "reason", "invalid_grant: Token has been expired or revoked."))
          .exchange().expectStatus().isNoContent();
    }

    http.get().uri("/api/v1/calendar/google").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.status").isEqualTo("disconnected")
        .jsonPath("$.reason").isEqualTo("invalid_grant: Token has been expired or revoked.");
    internal.get().uri("/internal/v1/brokers/{slug}/calendar/google", broker.slug()).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("disconnected")
        .jsonPath("$.refreshToken").doesNotExist();
    // the "connected" event of connectBroker may reach the listener late, on a loaded machine: count "disconnected"
    java.util.function.Predicate<LiveEvent> disconnected = e -> LiveEvent.CALENDAR_STATUS.equals(e.type())
        && "disconnected".equals(e.data().path("status").asText());
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
        .until(() -> seen.stream().anyMatch(disconnected));
    org.awaitility.Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
        .until(() -> seen.stream().filter(disconnected).count() == 1);
    listening.dispose();

    // connecting again makes it connected
    connectBroker("1//new-token");
    http.get().uri("/api/v1/calendar/google").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("connected");
  }

  @Test
  void theWorkerRecordsWhereTheVisitLandedInGoogle() {
    UUID appointment = UUID.randomUUID();
    java.time.Instant slot = java.time.Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    UUID lead = lead(null);
    data.execute("INSERT INTO appointments (id, broker_id, lead_id, slot_start, slot_end) VALUES (:id, :b, :l, :s, :e)",
        Map.of("id", appointment, "b", broker.id(), "l", lead, "s", slot, "e", slot.plus(Duration.ofHours(1))));
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("brokerSlug", broker.slug());
    event.put("provider", "google");
    event.put("calendarId", "primary");
    event.put("eventId", "abcdefghijklmnopqrstuv0123");
    event.put("htmlLink", "https://www.google.com/calendar/event?eid=abc");
    event.put("meetLink", "https://meet.google.com/abc-defg-hij");

    internal.put().uri("/internal/v1/appointments/{id}/calendar-event", appointment)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(event).exchange().expectStatus().isNoContent();

    http.get().uri("/api/v1/appointments?leadId=" + lead).header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$[0].calendarProvider").isEqualTo("google")
        .jsonPath("$[0].calendarEventLink").isEqualTo("https://www.google.com/calendar/event?eid=abc")
        .jsonPath("$[0].meetLink").isEqualTo("https://meet.google.com/abc-defg-hij");
    event.put("brokerSlug", data.broker().slug());
    internal.put().uri("/internal/v1/appointments/{id}/calendar-event", appointment)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(event).exchange().expectStatus().isNotFound();
  }

  private static byte[] bytes(Object bytea) {
    ByteBuffer buffer = ((ByteBuffer) bytea).duplicate();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
