package com.inmo.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.BookVisitRequest;
import com.inmo.workflows.lead.CallNowRequest;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.HumanMessageRequest;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.LeadWorkflow;
import com.inmo.workflows.lead.LeadWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dashboard's {@code Idempotency-Key} reaches the lead's workflow with the request (which applies a key
 * once: LeadRequestsWorkflowTest in the worker), for a human message, a call and a booking.
 */
@ApiIntegrationTest
class IdempotencyKeyTest {

  static final String QUEUE = "api-test-idempotency";
  static final List<String> received = new CopyOnWriteArrayList<>();

  /** Remembers the request id of each action it is sent. */
  public static class KeyRecordingLeadWorkflow extends FakeLeadWorkflow {
    @Override
    public LeadView sendHumanMessage(HumanMessageRequest request) {
      received.add("message:" + request.requestId());
      return state();
    }

    @Override
    public LeadView callNow(CallNowRequest request) {
      received.add("call:" + request.requestId());
      return state();
    }

    @Override
    public LeadView bookVisit(BookVisitRequest request) {
      received.add("visit:" + request.requestId());
      return state();
    }
  }

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  WorkflowClient temporal;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  WorkerFactory workers;
  String token;
  UUID lead;

  @BeforeEach
  void setUp() {
    received.clear();
    TestData data = new TestData(db, jwt);
    TestData.TestBroker broker = data.broker();
    token = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    workers = WorkerFactory.newInstance(temporal);
    workers.newWorker(QUEUE).registerWorkflowImplementationTypes(KeyRecordingLeadWorkflow.class);
    workers.start();
    String workflowId = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    lead = LeadWorkflowIds.leadId(workflowId);
    com.inmo.api.support.InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + lead)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD"))
        .exchange().expectStatus().isNoContent();
    WorkflowClient.start(temporal.newWorkflowStub(LeadWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId).setTaskQueue(QUEUE).build())::run,
        new LeadStart(broker.slug(), Channel.IMPORT, null, "import", null, null));
  }

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  @Test
  void eachActionCarriesTheCallersKeyToTheWorkflow() {
    post("messages", Map.of("text", "Hola Ana"), "k-message");
    post("messages", Map.of("text", "Hola Ana"), "k-message");
    post("call", Map.of(), "k-call");
    post("appointments", Map.of("slotStart", "2026-12-20T14:00:00Z"), "k-visit");
    post("messages", Map.of("text", "Sin clave"), null);

    assertThat(received).startsWith("message:k-message", "message:k-message", "call:k-call", "visit:k-visit");
    assertThat(received.get(4)).as("without a key each request gets its own").startsWith("message:")
        .isNotEqualTo("message:null");
  }

  @Test
  void anOversizedKeyIsRefused() {
    http.post().uri("/api/v1/leads/" + lead + "/call").header("Authorization", "Bearer " + token)
        .header("Idempotency-Key", "k".repeat(201)).exchange().expectStatus().isBadRequest();
    assertThat(received).isEmpty();
  }

  private void post(String action, Map<String, String> body, String key) {
    WebTestClient.RequestBodySpec request = http.mutate().responseTimeout(Duration.ofSeconds(20)).build().post()
        .uri("/api/v1/leads/" + lead + "/" + action).header("Authorization", "Bearer " + token);
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
  }
}
