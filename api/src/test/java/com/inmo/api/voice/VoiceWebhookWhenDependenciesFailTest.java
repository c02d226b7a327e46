package com.inmo.api.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.inmo.api.support.StoppableServers;
import com.inmo.api.voice.ProviderWire.Meta;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The voice webhook against dependencies that really fail (servers of its own): Temporal not there → 503 and the
 * provider's retry succeeds once it is back; the database down → reports still reach their call workflows (the
 * webhook path needs Temporal and Redis only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=inmo-api", "inmo.internal-api-token=test-internal-token",
        "inmo.voice.vapi-webhook-secret=" + VoiceWebhookWhenDependenciesFailTest.SECRET,
        "inmo.gateway.signal-timeout=3s"})
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VoiceWebhookWhenDependenciesFailTest {

  static final String SECRET = "vapi-outage-secret-0123456789";
  static final EmbeddedPostgres POSTGRES;
  static final int TEMPORAL_PORT = StoppableServers.freePort();
  static TestServer.PortBoundTestServer temporalServer;

  static {
    try {
      POSTGRES = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(Files.createTempDirectory("inmo-voice-pg").toFile())
          .setPort(StoppableServers.freePort()).start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + POSTGRES.getPort() + "/postgres");
    registry.add("spring.r2dbc.username", () -> "postgres");
    registry.add("spring.flyway.url", () -> "jdbc:postgresql://127.0.0.1:" + POSTGRES.getPort() + "/postgres");
    registry.add("spring.flyway.user", () -> "postgres");
    // nothing listens there until the first test starts the server
    registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + TEMPORAL_PORT);
  }

  @Autowired
  WebTestClient http;
  @Autowired
  WorkflowClient temporal;

  private int post(String body) {
    // a loaded machine: the first request warms up the SDK's channel and the Redis connection
    return http.mutate().responseTimeout(Duration.ofSeconds(30)).build().post().uri("/webhooks/voice/vapi").contentType(MediaType.APPLICATION_JSON)
        .header("X-Vapi-Secret", SECRET).bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange()
        .returnResult(Void.class).getStatus().value();
  }

  private void startCallWorkflow(Meta meta) {
    temporal.newUntypedWorkflowStub("CallWorkflow", WorkflowOptions.newBuilder().setWorkflowId(meta.callWorkflowId())
        .setTaskQueue("inmo-voice-outage-test").build()).start((Object) null);
  }

  private long reportSignals(String workflowId) {
    return temporal.fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED).count();
  }

  @Test
  @Order(1)
  void temporalDownIs503AndTheRetrySucceedsOnceItIsBack() {
    Meta meta = Meta.random("demo");
    String body = ProviderWire.endOfCallReport("c-" + UUID.randomUUID(), "customer-ended-call", meta);

    assertThat(post(body)).isEqualTo(503);

    temporalServer = TestServer.createPortBoundServer(TEMPORAL_PORT, true);
    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
        .until(() -> {
          startCallWorkflow(meta);
          return true;
        });
    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> post(body) == 200);
    assertThat(reportSignals(meta.callWorkflowId())).isEqualTo(1);
  }

  @Test
  @Order(2)
  void theDatabaseDownReportsStillReachTheirCallWorkflows() throws IOException {
    POSTGRES.close();
    Meta meta = Meta.random("demo");
    startCallWorkflow(meta);

    assertThat(post(ProviderWire.endOfCallReport("c-" + UUID.randomUUID(), "voicemail", meta))).isEqualTo(200);
    assertThat(reportSignals(meta.callWorkflowId())).isEqualTo(1);
  }

  @AfterAll
  static void stopWhatIsLeft() {
    if (temporalServer != null) {
      temporalServer.close();
    }
  }
}
