package com.inmo.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.inmo.worker.WorkerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The worker as it runs (its own yml, its workers polling the Temporal test server) serves Prometheus text on
 * its metrics port, the Temporal SDK's metrics included.
 */
@SpringBootTest(classes = WorkerApplication.class, properties = {"spring.config.name=inmo-worker",
    "spring.temporal.test-server.enabled=true", "inmo.metrics.port=0", "inmo.metrics.address=127.0.0.1",
    // nothing answers there: the digest starter gives up quietly in the background
    "inmo.api-url=http://127.0.0.1:9"})
class WorkerMetricsTest {

  @Autowired
  WorkerMetricsServer metrics;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theMetricsPortAnswersWithPrometheusTextIncludingTemporalsMetrics() throws Exception {
    assertThat(metrics.port()).isPositive();
    HttpResponse<String> first = get("/metrics");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(first.body()).contains("jvm_memory_used_bytes");

    // the SDK reports into the registry every 10 s (the starter's tally scope): its poll loops show up then
    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(get("/metrics").body()).containsPattern("(?m)^temporal_\\w+\\{.*task_queue=\"inmo-leads\""));
  }

  @Test
  void nothingElseIsServed() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
  }
}
