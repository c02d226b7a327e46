package com.inmo.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /actuator/prometheus} (development: on the api's own port) carries the HTTP server's metrics and, once
 * the api has talked to Temporal, the SDK's client metrics; only health and prometheus are exposed, and
 * {@code /health} answers as before.
 */
@ApiIntegrationTest
class ApiMetricsTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;

  private String scrape() {
    // a context shared with many tests has many series: more than WebTestClient buffers by default
    return http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build().get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectHeader().value("Content-Type", t -> assertThat(t).startsWith("text/plain"))
        .expectBody(String.class).returnResult().getResponseBody();
  }

  @Test
  void prometheusShowsTheHttpServersRequests() {
    http.get().uri("/health").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("healthy");

    assertThat(scrape()).containsPattern("(?m)^http_server_requests_seconds_count\\{.*uri=\"/health\".*} \\d");
  }

  @Test
  void prometheusShowsTemporalsClientMetricsAfterAWorkflowCall() {
    String slug = new TestData(db, jwt).broker().slug();
    Map<String, Object> session = http.post().uri("/api/v1/webchat/{slug}/sessions", slug).exchange()
        .expectStatus().isCreated()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    // signal-with-start of the lead's workflow
    http.post().uri("/api/v1/webchat/{slug}/messages", slug).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("sessionId", session.get("sessionId"), "text", "Hola")).exchange()
        .expectStatus().isAccepted();

    // the Temporal starter's tally scope reports into the registry every 10 s
    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(scrape()).containsPattern(
            "(?m)^temporal_request_total\\{.*operation=\"SignalWithStartWorkflowExecution\".*} \\d"));
  }

  @Test
  void onlyHealthAndPrometheusAreExposed() {
    http.get().uri("/actuator/health").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
    for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator"}) {
      http.get().uri(hidden).exchange().expectStatus().value(s -> assertThat(s).as(hidden).isIn(401, 404));
    }
  }
}
