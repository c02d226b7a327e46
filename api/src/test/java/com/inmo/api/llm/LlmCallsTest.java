package com.inmo.api.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiIntegrationTest
class LlmCallsTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;

  private static String call(String turn, int attempt, String workflowId, String outcome, long latency, String cost) {
    return """
        {"turnId":"%s","leadId":"%s","purpose":"turn","provider":"gemini","model":"gemini-2.5-flash",
         "promptVersion":"agent-v1.es","attempt":%d,"latencyMs":%d,"tokensIn":1200,"tokensOut":150,
         "costUsd":%s,"outcome":"%s","error":null,"at":"2026-12-01T13:00:00Z"}"""
        .formatted(turn, workflowId, attempt, latency, cost, outcome);
  }

  @Test
  void callsAreRecordedOnceAndSummedPerDayForTheBrokersAdminOnly() {
    TestData data = new TestData(db, jwt);
    TestData.TestBroker broker = data.broker();
    TestData.TestBroker other = data.broker();
    String workflowId = "lead-" + broker.slug() + "-webchat-llm";
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + com.inmo.workflows.lead.LeadWorkflowIds.leadId(workflowId))
        .header("X-Internal-Token", TestData.INTERNAL_TOKEN).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD")).exchange().expectStatus().is2xxSuccessful();
    String turn = UUID.randomUUID().toString();

    post(call(turn, 1, workflowId, "repaired", 800, "0.0007")).expectStatus().isCreated();
    post(call(turn, 1, workflowId, "repaired", 800, "0.0007")).expectStatus().isOk();
    post(call(turn, 2, workflowId, "repaired", 1200, "0.0009")).expectStatus().isCreated();
    post(call(UUID.randomUUID().toString(), 1, workflowId, "fallback", 400, "null")).expectStatus().isCreated();
    post("{\"turnId\":\"x\"}").expectStatus().isBadRequest();

    String admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    http.get().uri("/api/v1/llm-calls/daily?from=2026-12-01&to=2026-12-01").header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.length()").isEqualTo(1)
        .jsonPath("$[0].provider").isEqualTo("gemini")
        .jsonPath("$[0].calls").isEqualTo(3)
        .jsonPath("$[0].failures").isEqualTo(1)
        .jsonPath("$[0].latencyP50Ms").isEqualTo(800)
        .jsonPath("$[0].tokensIn").isEqualTo(3600)
        .jsonPath("$[0].costUsd").isEqualTo(0.0016);
    String otherAdmin = data.token(data.user(other, "ADMIN"), "ADMIN", other.id());
    http.get().uri("/api/v1/llm-calls/daily?from=2026-12-01&to=2026-12-01").header("Authorization", "Bearer " + otherAdmin)
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    String agent = data.token(data.user(broker, "AGENT"), "AGENT", broker.id());
    http.get().uri("/api/v1/llm-calls/daily").header("Authorization", "Bearer " + agent)
        .exchange().expectStatus().isForbidden();
  }

  private WebTestClient.ResponseSpec post(String body) {
    return InternalApi.client(internalServer).post().uri("/internal/v1/llm-calls").header("X-Internal-Token", TestData.INTERNAL_TOKEN)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

}
