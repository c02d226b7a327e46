package com.inmo.api.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The simulated provider's end-of-call report reaches the call's workflow as its {@code report} signal. */
@ApiIntegrationTest
class SimulatedVoiceWebhookTest {

  @Autowired
  WebTestClient http;
  @Autowired
  WorkflowClient temporal;

  static Map<String, Object> report(String callWorkflowId) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("callWorkflowId", callWorkflowId);
    r.put("provider", "simulated");
    r.put("providerCallId", "sim-1");
    r.put("status", "COMPLETED");
    r.put("endedReason", "customer-ended-call");
    r.put("durationSeconds", 95);
    r.put("transcript", "Hola, soy Sofía…");
    r.put("summary", "Busca depto 2D en Ñuñoa");
    r.put("extracted", Map.of("zone", "Ñuñoa", "bedrooms", 2));
    return r;
  }

  private WebTestClient.ResponseSpec post(String token, Object body) {
    WebTestClient.RequestBodySpec request = http.post().uri("/webhooks/voice/simulated")
        .contentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      request = request.header(InternalTokenFilter.HEADER, token);
    }
    return request.bodyValue(body).exchange();
  }

  @Test
  void withoutTheTokenNothingIsSignalled() {
    post(null, report("lead-demo-x-call-1")).expectStatus().isUnauthorized();
    post("wrong", report("lead-demo-x-call-1")).expectStatus().isUnauthorized();
  }

  @Test
  void anUnknownCallWorkflowIs404() {
    post(TestData.INTERNAL_TOKEN, report("lead-demo-" + UUID.randomUUID() + "-call-1")).expectStatus().isNotFound();
  }

  @Test
  void aRunningCallWorkflowGetsTheReport() {
    String callId = "lead-demo-" + UUID.randomUUID() + "-call-1";
    // started without a worker: the server holds it open, which is all a signal needs
    temporal.newUntypedWorkflowStub("CallWorkflow",
            WorkflowOptions.newBuilder().setWorkflowId(callId).setTaskQueue("inmo-calls-test").build())
        .start((Object) null);

    post(TestData.INTERNAL_TOKEN, report(callId)).expectStatus().isOk()
        .expectBody().jsonPath("$.callWorkflowId").isEqualTo(callId);

    var signal = temporal.fetchHistory(callId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .findFirst().orElseThrow().getWorkflowExecutionSignaledEventAttributes();
    assertThat(signal.getSignalName()).isEqualTo("report");
    assertThat(signal.getInput().getPayloads(0).getData().toStringUtf8())
        .contains("\"status\":\"COMPLETED\"").contains("Ñuñoa");
  }

  @Test
  void anUnknownStatusIs400() {
    Map<String, Object> r = report("lead-demo-x-call-1");
    r.put("status", "HUNG_UP_ANGRILY");
    post(TestData.INTERNAL_TOKEN, r).expectStatus().isBadRequest();
  }
}
