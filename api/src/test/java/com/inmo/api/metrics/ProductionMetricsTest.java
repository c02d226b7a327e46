package com.inmo.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * In production the metrics are never public: without {@code INMO_METRICS_PORT} the api's port refuses them;
 * with it they are served on that port only (compose: 9464, inside the network).
 */
class ProductionMetricsTest {

  static final String PRODUCTION = "inmo.environment=production";
  static final String SECRET = "inmo.secret-key=a-production-secret-key-of-32-characters-or-more";

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {"spring.config.name=inmo-api", "spring.temporal.test-server.enabled=true",
          "inmo.internal-api-token=test-internal-token", PRODUCTION, SECRET,
          "inmo.allowed-origins=https://app.inmo.test"})
  @AutoConfigureWebTestClient
  class WithoutAMetricsPort {

    @Autowired
    WebTestClient http;

    @Test
    void thePublicPortRefusesThem() {
      http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
      http.get().uri("/actuator/health").exchange().expectStatus().isUnauthorized();
      http.get().uri("/health").exchange().expectStatus().isOk();
      // the deployment checklist's probe that rate limiting is on (docs/deployment.md)
      http.get().uri("/auth/me").exchange().expectStatus().isUnauthorized()
          .expectHeader().valueEquals("X-RateLimit-Limit", "60");
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {"spring.config.name=inmo-api", "spring.temporal.test-server.enabled=true",
          "inmo.internal-api-token=test-internal-token", PRODUCTION, SECRET,
          "inmo.allowed-origins=https://app.inmo.test", "INMO_METRICS_PORT=0"})
  @AutoConfigureWebTestClient
  class WithAMetricsPort {

    @Autowired
    WebTestClient http;
    @LocalManagementPort
    int managementPort;

    @Test
    void theMetricsPortServesThemAndThePublicPortDoesNot() {
      WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
      String body = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
          .expectBody(String.class).returnResult().getResponseBody();
      assertThat(body).contains("jvm_memory_used_bytes");
      management.get().uri("/actuator/health").exchange().expectStatus().isOk();

      http.get().uri("/actuator/prometheus").exchange().expectStatus().value(s -> assertThat(s).isIn(401, 403, 404));
      http.get().uri("/health").exchange().expectStatus().isOk();
    }
  }
}
