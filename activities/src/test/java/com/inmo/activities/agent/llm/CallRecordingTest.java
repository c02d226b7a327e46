package com.inmo.activities.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.workflows.agent.Intent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class CallRecordingTest {

  @Test
  void recordsArePostedToTheApisInternalEndpoint() throws Exception {
    try (MockWebServer api = new MockWebServer();
         ApiLlmCallRecorder recorder = new ApiLlmCallRecorder(new InternalApiClient(api.url("/").toString(), "tok"))) {
      api.enqueue(new MockResponse().setResponseCode(201));
      recorder.record(new LlmCallRecord("t-1", "lead-1", "turn", "gemini", "gemini-2.5-flash", "agent-v1.es", 1, 850,
          1200, 150, new BigDecimal("0.000735"), "ok", null, Instant.parse("2024-12-01T12:00:00Z")));

      RecordedRequest post = api.takeRequest(5, TimeUnit.SECONDS);
      assertThat(post).isNotNull();
      assertThat(post.getMethod()).isEqualTo("POST");
      assertThat(post.getPath()).isEqualTo("/internal/v1/llm-calls");
      assertThat(post.getHeader("X-Internal-Token")).isEqualTo("tok");
      JsonNode body = WireFormat.JSON.readTree(post.getBody().readUtf8());
      assertThat(body.path("provider").asText()).isEqualTo("gemini");
      assertThat(body.path("model").asText()).isEqualTo("gemini-2.5-flash");
      assertThat(body.path("latencyMs").asLong()).isEqualTo(850);
      assertThat(body.path("tokensIn").asInt()).isEqualTo(1200);
      assertThat(body.path("tokensOut").asInt()).isEqualTo(150);
      assertThat(body.path("costUsd").decimalValue()).isEqualByComparingTo("0.000735");
      assertThat(body.path("outcome").asText()).isEqualTo("ok");
      assertThat(body.path("at").asText()).isEqualTo("2024-12-01T12:00:00Z");
      assertThat(body.path("turnId").asText()).isEqualTo("t-1");
    }
  }

  @Test
  void aDownOrFailingApiNeverFailsTheTurn() throws Exception {
    WireFormat wire = WireFormat.of(ProviderKind.OPENAI);
    try (MockWebServer provider = new MockWebServer(); MockWebServer api = new MockWebServer()) {
      provider.enqueue(wire.ok(Fixtures.goodTurn(), 800, 90));
      provider.enqueue(wire.ok(Fixtures.goodTurn(), 800, 90));
      provider.enqueue(wire.ok(Fixtures.goodTurn(), 800, 90));
      api.enqueue(new MockResponse().setResponseCode(500).setBody("{\"detail\":\"boom\"}"));
      String root = provider.url("/").toString().replaceAll("/$", "");

      ApiLlmCallRecorder failing = new ApiLlmCallRecorder(new InternalApiClient(api.url("/").toString(), "t"));
      assertThat(Fixtures.agent(wire, root, failing).converse(Fixtures.request("soy Juan")).intent())
          .isEqualTo(Intent.PROVIDE_INFO);
      assertThat(failing.flush(5_000)).isTrue();
      assertThat(api.getRequestCount()).isEqualTo(1);

      ApiLlmCallRecorder unreachable = new ApiLlmCallRecorder(new InternalApiClient("http://127.0.0.1:1", "t"));
      assertThat(Fixtures.agent(wire, root, unreachable).converse(Fixtures.request("soy Juan")).intent())
          .isEqualTo(Intent.PROVIDE_INFO);

      LlmCallRecorder throwing = call -> {
        throw new IllegalStateException("recorder bug");
      };
      assertThat(Fixtures.agent(wire, root, throwing).converse(Fixtures.request("soy Juan")).intent())
          .isEqualTo(Intent.PROVIDE_INFO);
      failing.close();
      unreachable.close();
    }
  }
}
