package com.inmo.activities.voice.vapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.voice.ProviderHttp;
import com.inmo.activities.voice.VapiServer;
import com.inmo.activities.voice.VoiceApiFake;
import com.inmo.workflows.activity.CallStarted;
import com.inmo.workflows.activity.CallStatusRequest;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.call.CallFailures;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.QualificationFields;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real VAPI adapter against a local VAPI speaking its wire format, and a fake of the api's call budget. */
class VapiVoiceActivitiesTest {

  static final String KEY = "vapi-private-key-123";
  static final String PHONE_NUMBER_ID = "2f0d6a43-2c9e-4a59-9a2a-5d0b8e1c7f10";

  final VapiServer vapi = new VapiServer(KEY);
  final VoiceApiFake api = new VoiceApiFake();
  final UUID leadId = UUID.randomUUID();

  @AfterEach
  void close() {
    vapi.close();
    api.close();
  }

  VapiVoiceActivities activities(String key, String webhookBase) {
    return new VapiVoiceActivities(new VapiSettings(vapi.baseUrl(), key, PHONE_NUMBER_ID, webhookBase,
        "vapi-webhook-secret", null, null, null, null, null, 0), api.budget());
  }

  VapiVoiceActivities activities() {
    return activities(KEY, "https://api.inmo.example/");
  }

  StartCallRequest call(String phone, String purpose, int attempt) {
    String lead = "lead-demo-webchat-s1";
    return new StartCallRequest(lead + "-call-" + attempt, lead, leadId, "demo", phone, purpose, leadId + "-" + attempt,
        "Sofía", new QualificationFields("Ana Rojas", phone, null, "Ñuñoa", "departamento", 2, 95_000_000L, null,
            DicomStatus.DIRTY, null));
  }

  @Test
  void startCallPostsTheCallWithTheAssistantInlineAndTheWorkflowsInItsMetadata() throws Exception {
    CallStarted started = activities().startCall(call("9 8765 4321", "FINANCIAL_QUALIFICATION", 1));

    assertThat(started.provider()).isEqualTo("vapi");
    assertThat(vapi.created).hasSize(1);
    RecordedRequest post = vapi.requests.get(0);
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getPath()).isEqualTo("/call");
    assertThat(post.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(post.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = vapi.created.get(0);
    assertThat(body.path("phoneNumberId").asText()).isEqualTo(PHONE_NUMBER_ID);
    assertThat(body.path("customer").path("number").asText()).as("E.164, read as Chilean").isEqualTo("+56987654321");
    assertThat(body.path("customer").path("name").asText()).isEqualTo("Ana Rojas");
    JsonNode assistant = body.path("assistant");
    assertThat(assistant.path("name").asText()).isEqualTo("Sofía - Inmobiliaria Demo");
    assertThat(assistant.path("firstMessage").asText()).startsWith("¡Hola, Ana! Te habla Sofía, de Inmobiliaria Demo.");
    assertThat(assistant.path("server").path("url").asText())
        .isEqualTo("https://api.inmo.example/webhooks/voice/vapi");
    assertThat(assistant.path("server").path("headers").path("X-Vapi-Secret").asText())
        .isEqualTo("vapi-webhook-secret");
    assertThat(assistant.path("serverMessages")).extracting(JsonNode::asText)
        .containsExactly("end-of-call-report", "status-update");
    JsonNode meta = assistant.path("metadata");
    assertThat(meta.path("callWorkflowId").asText()).isEqualTo("lead-demo-webchat-s1-call-1");
    assertThat(meta.path("leadWorkflowId").asText()).isEqualTo("lead-demo-webchat-s1");
    assertThat(meta.path("leadId").asText()).isEqualTo(leadId.toString());
    assertThat(meta.path("brokerSlug").asText()).isEqualTo("demo");
    String prompt = assistant.path("model").path("messages").get(0).path("content").asText();
    assertThat(assistant.path("model").path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(prompt).contains("Eres Sofía", "Inmobiliaria Demo", "cercano y profesional", "financiaría la compra",
        "Comuna o zona: Ñuñoa", "Dormitorios: 2", "Presupuesto: $95.000.000 CLP", "no ofrecer crédito",
        "Nunca prometas", "Providencia, Ñuñoa");
    assertThat(assistant.path("transcriber").path("language").asText()).isEqualTo("es");
    JsonNode schema = assistant.path("analysisPlan").path("structuredDataPlan").path("schema");
    assertThat(assistant.path("analysisPlan").path("structuredDataPlan").path("enabled").asBoolean()).isTrue();
    assertThat(schema.path("properties").fieldNames()).toIterable()
        .contains("name", "zone", "bedrooms", "budgetClp", "monthlyIncomeClp", "dicom", "timeline");
    assertThat(schema.path("properties").path("bedrooms").path("type").asText()).isEqualTo("integer");
    // the call is recorded on its reservation
    assertThat(api.placedCall(leadId + "-1")).isEqualTo(started.providerCallId());
  }

  @Test
  void withoutWebhookBaseUrlTheCallCarriesNoServerAndThePollWillFindTheOutcome() {
    activities(KEY, "").startCall(call("+56987654321", "REACTIVATION", 1));

    JsonNode assistant = vapi.created.get(0).path("assistant");
    assertThat(assistant.has("server")).isFalse();
    assertThat(assistant.has("serverMessages")).isFalse();
    assertThat(assistant.path("firstMessage").asText()).contains("si sigues buscando propiedad");
  }

  @Test
  void anInvalidNumberNeverReachesVapi() {
    for (String phone : new String[] {"123", "+56 2 1", "no tengo", null}) {
      assertThatThrownBy(() -> activities().startCall(call(phone, "INITIAL_QUALIFICATION", 1)))
          .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.getType()).isEqualTo(CallFailures.INVALID_PHONE_NUMBER);
            assertThat(f.isNonRetryable()).isTrue();
            assertThat(f.getOriginalMessage()).startsWith("invalid phone number");
          });
    }
    assertThat(vapi.server.getRequestCount()).isZero();
    assertThat(api.reservationCount()).as("nothing reserved either").isZero();
  }

  @Test
  void aNumberIsReadInTheBrokersRegion() {
    api.region = "AR";
    activities().startCall(call("011 15-2345-6789", "INITIAL_QUALIFICATION", 1));
    assertThat(vapi.created.get(0).path("customer").path("number").asText()).isEqualTo("+5491123456789");
  }

  @Test
  void whenTheCapIsReachedVapiIsNeverAsked() {
    api.brokerCap = 1;
    activities().startCall(call("+56987654321", "INITIAL_QUALIFICATION", 1));

    assertThatThrownBy(() -> activities().startCall(call("+56987654321", "INITIAL_QUALIFICATION", 2)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(CallFailures.CAP_REACHED);
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).startsWith("call cap reached: broker demo placed 1 calls")
              .contains("broker-hourly-cap");
        });
    assertThat(vapi.created).hasSize(1);
  }

  @Test
  void aRetriedStartReturnsThePlacedCallWithoutDiallingAgain() {
    CallStarted first = activities().startCall(call("+56987654321", "INITIAL_QUALIFICATION", 1));
    CallStarted retry = activities().startCall(call("+56987654321", "INITIAL_QUALIFICATION", 1));

    assertThat(retry).isEqualTo(first);
    assertThat(vapi.created).hasSize(1);
  }

  @Test
  void vapiRefusingTheRequestIsNotRetriedAndItsTroubleIs() {
    assertThatThrownBy(() -> activities("wrong-key", "").startCall(call("+56987654321", "INITIAL_QUALIFICATION", 1)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(ProviderHttp.REJECTED);
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("401").contains("Invalid Key");
        });
    vapi.failNext(500, "Internal server error");
    assertThatThrownBy(() -> activities().startCall(call("+56987654321", "INITIAL_QUALIFICATION", 2)))
        .isNotInstanceOf(ApplicationFailure.class).hasMessageContaining("500");
    vapi.failNext(400, "customer.number must be a valid phone number in the E.164 format");
    assertThatThrownBy(() -> activities().startCall(call("+56987654321", "INITIAL_QUALIFICATION", 3)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());
  }

  @Test
  void thePollOfAnAnsweredCallCarriesTheWholeReport() {
    CallStarted started = activities().startCall(call("+56987654321", "INITIAL_QUALIFICATION", 1));
    vapi.end(started.providerCallId(), "customer-ended-call");

    CallReport report = activities().callStatus(new CallStatusRequest("vapi", started.providerCallId(),
        "lead-demo-webchat-s1-call-1"));

    assertThat(vapi.requests.get(vapi.requests.size() - 1).getPath()).isEqualTo("/call/" + started.providerCallId());
    assertThat(vapi.requests.get(vapi.requests.size() - 1).getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(report.callWorkflowId()).isEqualTo("lead-demo-webchat-s1-call-1");
    assertThat(report.provider()).isEqualTo("vapi");
    assertThat(report.providerCallId()).isEqualTo(started.providerCallId());
    assertThat(report.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(report.endedReason()).isEqualTo("customer-ended-call");
    assertThat(report.durationSeconds()).isEqualTo(95);
    assertThat(report.transcript()).contains("User: Sí, de dos dormitorios");
    assertThat(report.summary()).contains("2 dormitorios en Ñuñoa");
    assertThat(report.recordingUrl()).isEqualTo("https://storage.vapi.ai/" + started.providerCallId() + "-mono.wav");
    assertThat(report.extracted()).isEqualTo(new QualificationFields("Ana Rojas", null, null, "Ñuñoa", null, 2,
        95_000_000L, null, DicomStatus.CLEAN, "3 meses"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"customer-did-not-answer, NO_ANSWER", "customer-busy, BUSY", "voicemail, VOICEMAIL",
      "manually-canceled, CANCELED", "twilio-failed-to-connect-call, FAILED",
      "call.in-progress.error-sip-outbound-call-failed-to-connect, FAILED", "assistant-ended-call, COMPLETED"})
  void thePollMapsEachEndingToOneStatus(String endedReason, CallStatus expected) {
    CallStarted started = activities().startCall(call("+56987654321", "INITIAL_QUALIFICATION", 1));
    vapi.end(started.providerCallId(), endedReason);

    CallReport report = activities().callStatus(new CallStatusRequest("vapi", started.providerCallId(), "cw"));

    assertThat(report.status()).isEqualTo(expected);
    assertThat(report.endedReason()).isEqualTo(endedReason);
  }

  @Test
  void aCallStillGoingOnIsInProgress() {
    CallStarted started = activities().startCall(call("+56987654321", "INITIAL_QUALIFICATION", 1));
    assertThat(activities().callStatus(new CallStatusRequest("vapi", started.providerCallId(), "cw")).status())
        .isEqualTo(CallStatus.IN_PROGRESS);
    vapi.status(started.providerCallId(), "in-progress");
    assertThat(activities().callStatus(new CallStatusRequest("vapi", started.providerCallId(), "cw")).status())
        .isEqualTo(CallStatus.IN_PROGRESS);
  }
}
