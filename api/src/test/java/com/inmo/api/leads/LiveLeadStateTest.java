package com.inmo.api.leads;

import com.inmo.api.gateway.FakeLeadGateway;
import com.inmo.api.support.FakeGatewayApiTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
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
 * The detail view shows the lead's workflow's own state under {@code live}, and does without it when the
 * workflow gives none (TemporalLeadGatewayTest: no worker answering within the query timeout).
 */
@FakeGatewayApiTest
class LiveLeadStateTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  FakeLeadGateway workflows;
  TestData.TestBroker broker;
  String token;

  @BeforeEach
  void setUp() {
    TestData data = new TestData(db, jwt);
    broker = data.broker();
    token = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
  }

  /** A lead whose row says NEW. */
  private String lead() {
    String workflowId = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + LeadWorkflowIds.leadId(workflowId))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD"))
        .exchange().expectStatus().isNoContent();
    return workflowId;
  }

  @Test
  void aRunningWorkflowsStateIsShownUnderLive() {
    String workflowId = lead();
    workflows.running(FakeLeadGateway.view(workflowId, Map.of("stage", "PROFILING", "fields", Map.of("zone", "Ñuñoa"),
        "nextAction", Map.of("kind", "FOLLOW_UP", "at", "2026-12-01T13:10:00Z"))));

    http.get().uri("/api/v1/leads/" + LeadWorkflowIds.leadId(workflowId)).header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.stage").isEqualTo("NEW") // the row
        .jsonPath("$.live.stage").isEqualTo("PROFILING") // the workflow
        .jsonPath("$.live.fields.zone").isEqualTo("Ñuñoa")
        .jsonPath("$.live.nextAction.kind").isEqualTo("FOLLOW_UP")
        .jsonPath("$.live.nextAction.at").isEqualTo("2026-12-01T13:10:00Z");
  }

  @Test
  void withoutTheWorkflowsStateTheDetailIsTheRowAndLiveIsNull() {
    String workflowId = lead();

    http.get().uri("/api/v1/leads/" + LeadWorkflowIds.leadId(workflowId)).header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.name").isEqualTo("Ana").jsonPath("$.live").isEmpty();
  }
}
