package com.inmo.activities.voice.bland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.voice.BlandServer;
import com.inmo.activities.voice.ProviderHttp;
import com.inmo.activities.voice.VoiceApiFake;
import com.inmo.workflows.activity.CallStarted;
import com.inmo.workflows.activity.CallStatusRequest;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.call.CallFailures;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.lead.QualificationFields;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real Bland adapter against a local Bland speaking its wire format, and a fake of the api's call budget. */
class BlandVoiceActivitiesTest {

  static final String KEY = "sk-bland-test-123";

  final BlandServer bland = new BlandServer(KEY);
  final VoiceApiFake api = new VoiceApiFake();
  final UUID leadId = UUID.randomUUID();

  @AfterEach
  void close() {
    bland.close();
    api.close();
  }

  BlandVoiceActivities activities(String key) {
    return new BlandVoiceActivities(new BlandSettings(bland.baseUrl(), key, "https://api.inmo.example", null, null, 0),
        api.budget());
  }

  StartCallRequest call(String phone, int attempt) {
    String lead = "lead-demo-webchat-b1";
    return new StartCallRequest(lead + "-call-" + attempt, lead, leadId, "demo", phone, "VISIT_CONFIRMATION",
        leadId + "-" + attempt, "Sofía", new QualificationFields("Ana Rojas", phone, null, "Ñuñoa", null, null, null,
            null, null, null));
  }

  @Test
  void startCallSendsTheTaskTheNumberTheWebhookAndTheMetadata() {
    CallStarted started = activities(KEY).startCall(call("+56 9 8765 4321", 1));

    assertThat(started.provider()).isEqualTo("bland");
    RecordedRequest post = bland.requests.get(0);
    assertThat(post.getPath()).isEqualTo("/v1/calls");
    assertThat(post.getHeader("authorization")).isEqualTo(KEY);
    JsonNode body = bland.created.get(0);
    assertThat(body.path("phone_number").asText()).isEqualTo("+56987654321");
    assertThat(body.path("task").asText()).contains("Eres Sofía", "Inmobiliaria Demo", "confirmar la visita",
        "Nombre: Ana Rojas");
    assertThat(body.path("first_sentence").asText()).startsWith("¡Hola, Ana! Te habla Sofía")
        .contains("confirmar tu visita");
    assertThat(body.path("language").asText()).isEqualTo("es");
    assertThat(body.path("voice").asText()).isNotBlank();
    assertThat(body.path("record").asBoolean()).isTrue();
    assertThat(body.path("webhook").asText()).isEqualTo("https://api.inmo.example/webhooks/voice/bland");
    assertThat(body.path("metadata").path("callWorkflowId").asText()).isEqualTo("lead-demo-webchat-b1-call-1");
    assertThat(body.path("metadata").path("leadId").asText()).isEqualTo(leadId.toString());
    assertThat(body.path("metadata").path("brokerSlug").asText()).isEqualTo("demo");
    assertThat(api.placedCall(leadId + "-1")).isEqualTo(started.providerCallId());
  }

  @Test
  void anInvalidNumberOrAReachedCapNeverReachBland() {
    assertThatThrownBy(() -> activities(KEY).startCall(call("12", 1)))
        .isInstanceOfSatisfying(ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(CallFailures.INVALID_PHONE_NUMBER));
    api.brokerCap = 0;
    assertThatThrownBy(() -> activities(KEY).startCall(call("+56987654321", 2)))
        .isInstanceOfSatisfying(ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(CallFailures.CAP_REACHED));
    assertThat(bland.server.getRequestCount()).isZero();
  }

  @Test
  void aWrongKeyIsNotRetried() {
    assertThatThrownBy(() -> activities("nope").startCall(call("+56987654321", 1)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(ProviderHttp.REJECTED);
          assertThat(f.getOriginalMessage()).contains("401").contains("Invalid API key");
        });
  }

  @Test
  void thePollOfAnAnsweredCallCarriesTheWholeReport() {
    CallStarted started = activities(KEY).startCall(call("+56987654321", 1));
    assertThat(activities(KEY).callStatus(new CallStatusRequest("bland", started.providerCallId(), "cw")).status())
        .isEqualTo(CallStatus.IN_PROGRESS);
    bland.end(started.providerCallId(), "completed", "human");

    CallReport report = activities(KEY).callStatus(new CallStatusRequest("bland", started.providerCallId(),
        "lead-demo-webchat-b1-call-1"));

    assertThat(bland.requests.get(bland.requests.size() - 1).getPath())
        .isEqualTo("/v1/calls/" + started.providerCallId());
    assertThat(report.callWorkflowId()).isEqualTo("lead-demo-webchat-b1-call-1");
    assertThat(report.provider()).isEqualTo("bland");
    assertThat(report.providerCallId()).isEqualTo(started.providerCallId());
    assertThat(report.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(report.endedReason()).isEqualTo("completed/human");
    assertThat(report.durationSeconds()).isEqualTo(96);
    assertThat(report.transcript()).contains("user: Hola, sí, dime.");
    assertThat(report.summary()).contains("visita del sábado");
    assertThat(report.recordingUrl()).endsWith(started.providerCallId() + ".mp3");
  }

  @ParameterizedTest(name = "{0}/{1} → {2}")
  @CsvSource(nullValues = "null", value = {"completed, voicemail, VOICEMAIL", "no-answer, null, NO_ANSWER",
      "completed, no-answer, NO_ANSWER", "busy, null, BUSY", "failed, null, FAILED", "canceled, null, CANCELED",
      "completed, unknown, COMPLETED"})
  void thePollMapsEachEndingToOneStatus(String status, String answeredBy, CallStatus expected) {
    CallStarted started = activities(KEY).startCall(call("+56987654321", 1));
    bland.end(started.providerCallId(), status, answeredBy);

    CallReport report = activities(KEY).callStatus(new CallStatusRequest("bland", started.providerCallId(), "cw"));

    assertThat(report.status()).isEqualTo(expected);
    if ("failed".equals(status)) {
      assertThat(report.endedReason()).isEqualTo("failed: Twilio could not connect the call");
    }
  }
}
