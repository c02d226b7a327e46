package com.inmo.api.brokers;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every user of a broker reads its profile (the test chat needs the slug); nobody reads another's. */
@ApiIntegrationTest
class BrokerProfileTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;

  @Test
  void anAgentReadsTheSlugOfTheirOwnBrokerButNotItsSettings() {
    TestData data = new TestData(db, jwt);
    TestData.TestBroker broker = data.broker();
    String agent = data.token(data.user(broker, "AGENT"), "AGENT", broker.id());

    http.get().uri("/api/v1/brokers/current/profile").header("Authorization", "Bearer " + agent).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.slug").isEqualTo(broker.slug())
        .jsonPath("$.id").isEqualTo(broker.id().toString())
        .jsonPath("$.timeZone").isEqualTo("America/Santiago")
        .jsonPath("$.settings").doesNotExist();
    // the admin's view stays the admin's
    http.get().uri("/api/v1/brokers/current").header("Authorization", "Bearer " + agent).exchange()
        .expectStatus().isForbidden();

    String superadmin = data.token(data.superadmin(), "SUPERADMIN", null);
    http.get().uri("/api/v1/brokers/current/profile").header("Authorization", "Bearer " + superadmin).exchange()
        .expectStatus().isNotFound();
    http.get().uri("/api/v1/brokers/current/profile").exchange().expectStatus().isUnauthorized();
  }
}
