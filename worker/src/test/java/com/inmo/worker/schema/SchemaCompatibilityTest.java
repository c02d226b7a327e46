package com.inmo.worker.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a stand-in of the api's {@code /internal/v1/schema}, which answers what the real one does. */
class SchemaCompatibilityTest {

  private HttpServer api;
  private final AtomicInteger calls = new AtomicInteger();

  private String serve(String current, int failFirst) throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext("/internal/v1/schema", exchange -> {
      int n = calls.incrementAndGet();
      boolean authorised = "tok".equals(exchange.getRequestHeaders().getFirst("X-Internal-Token"));
      int status = !authorised ? 401 : n <= failFirst ? 503 : 200;
      byte[] body = ("{\"current\":\"" + current + "\",\"known\":\"" + current + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
      if (status == 200) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    api.start();
    return "http://127.0.0.1:" + api.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.stop(0);
    }
  }

  @Test
  void theSchemaThisWorkerKnowsIsAccepted() throws IOException {
    String url = serve(SchemaCompatibility.knownVersion(), 0);

    assertThatCode(() -> new SchemaCompatibility(url, "tok").require(Duration.ofSeconds(5))).doesNotThrowAnyException();
  }

  @Test
  void aNewerSchemaStopsTheWorker() throws IOException {
    String url = serve("999", 0);

    assertThatThrownBy(() -> new SchemaCompatibility(url, "tok").require(Duration.ofSeconds(5)))
        .isInstanceOf(SchemaCompatibility.IncompatibleSchemaException.class)
        .hasMessageContaining("at version 999");
  }

  @Test
  void itWaitsForAnApiThatIsStillStarting() throws IOException {
    String url = serve(SchemaCompatibility.knownVersion(), 2);

    new SchemaCompatibility(url, "tok").require(Duration.ofSeconds(10));
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void aWrongTokenIsAClearErrorNotAWait() throws IOException {
    String url = serve("1", 0);

    assertThatThrownBy(() -> new SchemaCompatibility(url, "wrong").require(Duration.ofSeconds(30)))
        .hasMessageContaining("INTERNAL_API_TOKEN");
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void anApiThatNeverAnswersFailsAfterTheWait() {
    assertThatThrownBy(() -> new SchemaCompatibility("http://127.0.0.1:1", "tok").require(Duration.ofMillis(500)))
        .hasMessageContaining("did not answer");
  }

  @Test
  void versionsCompareNumerically() {
    assertThat(SchemaCompatibility.compare("10", "9")).isPositive();
    assertThat(SchemaCompatibility.compare("1.2", "1.10")).isNegative();
    assertThat(SchemaCompatibility.compare("2", "2.0")).isZero();
  }
}
