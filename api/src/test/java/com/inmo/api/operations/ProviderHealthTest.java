package com.inmo.api.operations;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The operations view's failing providers: the last 24 h of LLM calls per provider, for the broker's admin. */
@ApiIntegrationTest
class ProviderHealthTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;

  private static String call(String workflowId, String provider, String outcome, long latency, String error,
                             Instant at) {
    return """
        {"turnId":"%s","leadId":"%s","purpose":"turn","provider":"%s","model":"m","promptVersion":"agent-v1.es",
         "attempt":1,"latencyMs":%d,"tokensIn":100,"tokensOut":10,"costUsd":0.0001,"outcome":"%s","error":%s,
         "at":"%s"}"""
        .formatted(UUID.randomUUID(), workflowId, provider, latency, outcome,
            error == null ? "null" : "\"" + error + "\"", at);
  }

  @Test
  void eachProviderShowsItsFailuresAndLastErrorOfTheLastDayForTheBrokersAdminOnly() {
    TestData data = new TestData(db, jwt);
    TestData.TestBroker broker = data.broker();
    TestData.TestBroker other = data.broker();
    String workflowId = "lead-" + broker.slug() + "-webchat-ops";
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + LeadWorkflowIds.leadId(workflowId))
        .header("X-Internal-Token", TestData.INTERNAL_TOKEN).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD"))
        .exchange().expectStatus().is2xxSuccessful();
    Instant now = Instant.now();
    post(call(workflowId, "gemini", "error", 3000, "HTTP 503 from gemini", now.minus(Duration.ofMinutes(30))));
    post(call(workflowId, "gemini", "error", 2000, "timeout", now.minus(Duration.ofHours(3))));
    post(call(workflowId, "gemini", "ok", 700, null, now.minus(Duration.ofHours(2))));
    post(call(workflowId, "gemini", "error", 1000, "old failure", now.minus(Duration.ofHours(30))));
    post(call(workflowId, "claude", "ok", 900, null, now.minus(Duration.ofMinutes(10))));
    post(call(workflowId, "claude", "ok", 1100, null, now.minus(Duration.ofMinutes(20))));

    String admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    http.get().uri("/api/v1/operations/providers").header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.hours").isEqualTo(24)
        .jsonPath("$.providers.length()").isEqualTo(2)
        .jsonPath("$.providers[0].provider").isEqualTo("claude")
        .jsonPath("$.providers[0].failures").isEqualTo(0)
        .jsonPath("$.providers[0].state").isEqualTo("ok")
        .jsonPath("$.providers[0].latencyP50Ms").isEqualTo(1000)
        .jsonPath("$.providers[1].provider").isEqualTo("gemini")
        .jsonPath("$.providers[1].calls").isEqualTo(3)
        .jsonPath("$.providers[1].failures").isEqualTo(2)
        .jsonPath("$.providers[1].state").isEqualTo("failing")
        .jsonPath("$.providers[1].lastError").isEqualTo("HTTP 503 from gemini")
        .jsonPath("$.providers[1].lastFailureAt").isNotEmpty();
    http.get().uri("/api/v1/operations/providers?hours=48").header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.providers[1].calls").isEqualTo(4);
    http.get().uri("/api/v1/operations/providers?hours=0").header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isBadRequest();

    String otherAdmin = data.token(data.user(other, "ADMIN"), "ADMIN", other.id());
    http.get().uri("/api/v1/operations/providers").header("Authorization", "Bearer " + otherAdmin)
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.providers.length()").isEqualTo(0);
    String agent = data.token(data.user(broker, "AGENT"), "AGENT", broker.id());
    http.get().uri("/api/v1/operations/providers").header("Authorization", "Bearer " + agent)
        .exchange().expectStatus().isForbidden();
    http.get().uri("/api/v1/operations/providers").exchange().expectStatus().isUnauthorized();
  }

  private void post(String body) {
    InternalApi.client(internalServer).post().uri("/internal/v1/llm-calls").header("X-Internal-Token", TestData.INTERNAL_TOKEN)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated();
  }
}
