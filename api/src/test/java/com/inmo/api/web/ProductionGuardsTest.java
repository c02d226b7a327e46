package com.inmo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.AccountFixtures;
import com.inmo.api.support.TestData;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The api as {@code ENVIRONMENT=production} runs it (a budget of 5 requests a minute to keep the test short). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=inmo-api", "spring.temporal.test-server.enabled=true",
        "inmo.internal-api-token=test-internal-token", "inmo.environment=production", "inmo.demo.seed=false",
        "inmo.secret-key=a-production-secret-key-of-32-characters-or-more",
        "inmo.allowed-origins=https://app.inmo.test/, https://admin.inmo.test",
        "inmo.rate-limit.per-minute=5", "inmo.trusted-proxies=127.0.0.1,::1"})
@AutoConfigureWebTestClient
class ProductionGuardsTest {

  static final String APP = "https://app.inmo.test";

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  TestData data;
  AccountFixtures accounts;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    accounts = new AccountFixtures(db, http);
  }

  @Test
  void aSignedInClientGets429WithRetryAfterOnceItsBudgetIsSpent() {
    TestData.TestBroker broker = data.broker();
    String admin = data.token(accounts.user(broker.id(), "ADMIN").id(), "ADMIN", broker.id());
    String address = AccountFixtures.address();
    for (int i = 0; i < 5; i++) {
      int left = 4 - i;
      current(admin, address).expectStatus().isOk()
          .expectHeader().valueEquals("X-RateLimit-Limit", "5")
          .expectHeader().valueEquals("X-RateLimit-Remaining", Integer.toString(left));
    }

    current(admin, address).expectStatus().isEqualTo(429)
        .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L))
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        // a browser app may read the refusal: CORS headers are on it
        .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP)
        .expectBody().jsonPath("$.status").isEqualTo(429)
        .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("5 requests a minute"));
    // the budget is the user's, not the address's: a colleague at the same office goes on
    String colleague = data.token(accounts.user(broker.id(), "ADMIN").id(), "ADMIN", broker.id());
    current(colleague, address).expectStatus().isOk();
  }

  @Test
  void anAnonymousClientIsCountedByAddress() {
    String address = AccountFixtures.address();
    for (int i = 0; i < 5; i++) {
      anonymous(address).expectStatus().isUnauthorized();
    }
    anonymous(address).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
    // a forged token does not buy a bucket of its own
    http.get().uri("/auth/me").header("X-Forwarded-For", address)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged")
        .exchange().expectStatus().isEqualTo(429);
    anonymous(AccountFixtures.address()).expectStatus().isUnauthorized();
  }

  @Test
  void healthProbesAreNotCounted() {
    String address = AccountFixtures.address();
    for (int i = 0; i < 8; i++) {
      http.get().uri("/health").header("X-Forwarded-For", address).exchange().expectStatus().isOk();
    }
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAllowedAndFromAnyOtherDenied() {
    preflight(APP).expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP)
        .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, v -> assertThat(v).contains("PATCH"))
        .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, v -> assertThat(v.toLowerCase()).contains("authorization"));
    preflight("https://admin.inmo.test").expectStatus().isOk();

    for (String origin : new String[] {"https://evil.example", "http://localhost:5173", "https://app.inmo.test.evil.example"}) {
      preflight(origin).expectStatus().isForbidden()
          .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
    // and a simple request from another origin is refused too
    http.get().uri("/health").header(HttpHeaders.ORIGIN, "https://evil.example").exchange()
        .expectStatus().isForbidden();
  }

  @Test
  void theWebChatWidgetMayBeCalledFromAnyBrokersWebsiteButWithoutCredentialsOrTheDashboardsHeaders() {
    http.options().uri("/api/v1/webchat/demo/messages").header(HttpHeaders.ORIGIN, "https://www.corredora-ejemplo.cl")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
        .exchange().expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://www.corredora-ejemplo.cl")
        .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    // the web chat needs no token: a site asking to send one is refused
    http.options().uri("/api/v1/webchat/demo/messages").header(HttpHeaders.ORIGIN, "https://www.corredora-ejemplo.cl")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
        .exchange().expectStatus().isForbidden();
    // the dashboard's endpoints keep ALLOWED_ORIGINS
    preflight("https://www.corredora-ejemplo.cl").expectStatus().isForbidden();
  }

  @Test
  void withoutAVoiceProviderTheWorkerIsToldCallingIsOff() {
    TestData.TestBroker broker = data.broker();
    com.inmo.api.support.InternalApi.client(internalServer).get().uri("/internal/v1/brokers/{slug}/config",
            broker.slug())
        .header("X-Forwarded-For", AccountFixtures.address()).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.slug").isEqualTo(broker.slug()).jsonPath("$.voiceEnabled").isEqualTo(false);
  }

  @Test
  void responsesCarryTheSecurityHeadersAndHsts() {
    http.get().uri("/health").exchange().expectStatus().isOk()
        .expectHeader().valueEquals("Strict-Transport-Security", WebGuards.HSTS)
        .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader().valueEquals("X-Frame-Options", "DENY")
        .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
        .expectHeader().valueEquals("Content-Security-Policy", WebGuards.API_CSP);
  }

  private WebTestClient.ResponseSpec current(String token, String address) {
    return http.get().uri("/api/v1/brokers/current").header("X-Forwarded-For", address)
        .header(HttpHeaders.ORIGIN, APP)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
  }

  private WebTestClient.ResponseSpec anonymous(String address) {
    return http.get().uri("/auth/me?n=" + UUID.randomUUID()).header("X-Forwarded-For", address).exchange();
  }

  private WebTestClient.ResponseSpec preflight(String origin) {
    return http.options().uri("/api/v1/users")
        .header(HttpHeaders.ORIGIN, origin)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
        .exchange();
  }
}
