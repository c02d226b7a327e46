package com.inmo.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The dashboard learns where the Temporal Web UI is (TEMPORAL_UI_URL) and which namespace to open. */
@ApiIntegrationTest
@TestPropertySource(properties = {"inmo.temporal-ui-url=http://temporal-ui.test:8080/", "spring.temporal.namespace=inmo"})
class DashboardConfigTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;

  @org.junit.jupiter.api.BeforeEach
  void patience() {
    // a loaded build machine: the first requests of a fresh context may take seconds
    http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
  }

  @Test
  void aSignedInAgentReadsTheTemporalUiAddressAndNamespace() {
    TestData data = new TestData(db, jwt);
    TestData.TestBroker broker = data.broker();
    String agent = data.token(data.user(broker, "AGENT"), "AGENT", broker.id());

    http.get().uri("/api/v1/dashboard/config").header("Authorization", "Bearer " + agent).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.temporalUiUrl").isEqualTo("http://temporal-ui.test:8080")
        .jsonPath("$.temporalNamespace").isEqualTo("inmo");
  }

  @Test
  void withoutATokenItIsRefused() {
    http.get().uri("/api/v1/dashboard/config").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void onlyAnHttpAddressIsALink() {
    assertThat(DashboardConfigController.normalise("")).isNull();
    assertThat(DashboardConfigController.normalise("   ")).isNull();
    assertThat(DashboardConfigController.normalise(null)).isNull();
    assertThat(DashboardConfigController.normalise("javascript:alert(1)")).isNull();
    assertThat(DashboardConfigController.normalise(" https://temporal.example.cl/ui// ")).isEqualTo("https://temporal.example.cl/ui");
  }
}
