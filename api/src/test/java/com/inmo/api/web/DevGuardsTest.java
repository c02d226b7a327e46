package com.inmo.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.AccountFixtures;
import com.inmo.api.support.AccountsApiTest;
import com.inmo.api.support.FailingEndpoint;
import com.inmo.api.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Dev mode: no request budget, CORS for localhost, the same headers and error documents as production. */
@AccountsApiTest
class DevGuardsTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Value("${inmo.rate-limit.per-minute}")
  int perMinute;
  TestData data;
  String admin;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    TestData.TestBroker broker = data.broker();
    admin = data.token(new AccountFixtures(db, http).user(broker.id(), "ADMIN").id(), "ADMIN", broker.id());
  }

  @Test
  void devModeHasNoRequestBudget() {
    assertThat(perMinute).isEqualTo(60);
    String address = AccountFixtures.address();
    for (int i = 0; i < perMinute + 15; i++) {
      http.get().uri("/api/v1/brokers/current").header("X-Forwarded-For", address)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
          .expectStatus().isOk()
          .expectHeader().doesNotExist("X-RateLimit-Remaining");
    }
  }

  @Test
  void devModeAllowsLocalhostOriginsOnly() {
    http.options().uri("/api/v1/users").header(HttpHeaders.ORIGIN, "http://localhost:5173")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
        .exchange().expectStatus().isOk()
        .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
    http.options().uri("/api/v1/users").header(HttpHeaders.ORIGIN, "https://evil.example")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
        .exchange().expectStatus().isForbidden()
        .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
  }

  @Test
  void securityHeadersAreOnAnswersAndErrorsAlikeWithoutHstsInDev() {
    for (WebTestClient.ResponseSpec response : new WebTestClient.ResponseSpec[] {
        http.get().uri("/health").exchange(),
        http.get().uri("/api/v1/users").exchange(),
        http.get().uri("/api/v1/brokers/current").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()}) {
      response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
          .expectHeader().valueEquals("X-Frame-Options", "DENY")
          .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
          .expectHeader().valueEquals("Content-Security-Policy", WebGuards.API_CSP)
          .expectHeader().doesNotExist("Strict-Transport-Security");
    }
  }

  @Test
  void aDatabaseErrorIsA500ProblemWithoutSqlOrStackTrace() {
    String body = http.get().uri(FailingEndpoint.PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
        .exchange()
        .expectStatus().isEqualTo(500)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(String.class).returnResult().getResponseBody();

    assertThat(body).contains("\"status\":500").contains("unexpected error");
    assertThat(body.toLowerCase()).doesNotContain(FailingEndpoint.SECRET_TABLE).doesNotContain("select")
        .doesNotContain("password_hash").doesNotContain("relation").doesNotContain("exception")
        .doesNotContain("r2dbc").doesNotContain("at com.").doesNotContain("trace");
  }

  @Test
  void malformedBodiesAre400ProblemsNamingWhatIsWrong() {
    http.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\": \"a@b.cl\", \"role\": \"OWNER\"}")
        .exchange().expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("OWNER"));
  }
}
