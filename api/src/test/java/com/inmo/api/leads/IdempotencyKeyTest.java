package com.inmo.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.gateway.FakeLeadGateway;
import com.inmo.api.support.FakeGatewayApiTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.BookVisitRequest;
import com.inmo.workflows.lead.CallNowRequest;
import com.inmo.workflows.lead.HumanMessageRequest;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
@FakeGatewayApiTest
class IdempotencyKeyTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  FakeLeadGateway workflows;
  String token;
  String workflowId;
  UUID lead;

  @BeforeEach
  void setUp() {
    TestData data = new TestData(db, jwt);
    TestData.TestBroker broker = data.broker();
    token = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    workflowId = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    lead = LeadWorkflowIds.leadId(workflowId);
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + lead)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD"))
        .exchange().expectStatus().isNoContent();
    workflows.running(FakeLeadGateway.view(workflowId, Map.of("stage", "NEW")));
  }

  /** The request id of each action the workflow was sent. */
  private List<String> received() {
    return workflows.sent(workflowId).stream().map(sent -> {
      if (sent.argument() instanceof HumanMessageRequest r) {
        return "message:" + r.requestId();
      }
      if (sent.argument() instanceof CallNowRequest r) {
        return "call:" + r.requestId();
      }
      return sent.argument() instanceof BookVisitRequest r ? "visit:" + r.requestId() : sent.what();
    }).toList();
  }

  @Test
  void eachActionCarriesTheCallersKeyToTheWorkflow() {
    post("messages", Map.of("text", "Hola Ana"), "k-message");
    post("messages", Map.of("text", "Hola Ana"), "k-message");
    post("call", Map.of(), "k-call");
    post("appointments", Map.of("slotStart", "2026-12-20T14:00:00Z"), "k-visit");
    post("messages", Map.of("text", "Sin clave"), null);

    List<String> received = received();
    assertThat(received).startsWith("message:k-message", "message:k-message", "call:k-call", "visit:k-visit");
    assertThat(received.get(4)).as("without a key each request gets its own").startsWith("message:")
        .isNotEqualTo("message:null");
  }

  @Test
  void anOversizedKeyIsRefused() {
    http.post().uri("/api/v1/leads/" + lead + "/call").header("Authorization", "Bearer " + token)
        .header("Idempotency-Key", "k".repeat(201)).exchange().expectStatus().isBadRequest();
    assertThat(workflows.sent(workflowId)).isEmpty();
  }

  private void post(String action, Map<String, String> body, String key) {
    WebTestClient.RequestBodySpec request = http.post()
        .uri("/api/v1/leads/" + lead + "/" + action).header("Authorization", "Bearer " + token);
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
  }
}
