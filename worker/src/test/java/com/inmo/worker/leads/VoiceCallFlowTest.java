package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.voice.BlandServer;
import com.inmo.activities.voice.VapiServer;
import com.inmo.activities.voice.VoiceApiFake;
import com.inmo.activities.voice.bland.BlandSettings;
import com.inmo.activities.voice.bland.BlandVoiceActivities;
import com.inmo.activities.voice.vapi.VapiSettings;
import com.inmo.activities.voice.vapi.VapiVoiceActivities;
import com.inmo.workflows.activity.VoiceActivities;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.call.CallWorkflow;
import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A lead's calls through the real VAPI (and Bland) adapter in Temporal's time-skipping test environment: the
 * activity asks the api's call budget (a fake with its semantics), normalises the number and posts the call to a
 * local VAPI speaking its wire format; the end-of-call report comes back as the call workflow's {@code report}
 * signal, which is what the api's webhook turns VAPI's {@code end-of-call-report} into (api's VoiceWebhookTest), or
 * never, and the workflow's status poll ({@code GET /call/{id}}) recovers it.
 */
class VoiceCallFlowTest extends LeadWorkflowTestBase {

  static final String VAPI_KEY = "vapi-flow-key";
  static final String BLAND_KEY = "bland-flow-key";

  VapiServer vapi;
  BlandServer bland;
  VoiceApiFake api;
  /** The provider's calls as they were created, with the (skipped) time of their creation. */
  final List<Instant> createdAt = new CopyOnWriteArrayList<>();
  final ScheduledExecutorService webhooks = Executors.newSingleThreadScheduledExecutor();

  @Override
  VoiceActivities voiceActivities() {
    vapi = new VapiServer(VAPI_KEY);
    bland = new BlandServer(BLAND_KEY);
    api = new VoiceApiFake();
    if (useBland) {
      return new BlandVoiceActivities(new BlandSettings(bland.baseUrl(), BLAND_KEY, "https://api.inmo.example", null,
          null, 0), api.budget());
    }
    return new VapiVoiceActivities(new VapiSettings(vapi.baseUrl(), VAPI_KEY, "pn-1", "https://api.inmo.example",
        "s3cret", null, null, null, null, null, 0), api.budget());
  }

  boolean useBland;

  @Override
  @BeforeEach
  void startEnvironment(TestInfo info) {
    useBland = info.getTestMethod().map(m -> m.getName().contains("Bland")).orElse(false);
    super.startEnvironment(info);
  }

  @AfterEach
  void stopProviders() {
    webhooks.shutdownNow();
    vapi.close();
    bland.close();
    api.close();
  }

  /** What VAPI reports when the call ends, delivered as the api's webhook delivers it: a signal, a moment later. */
  void endsAndReports(String callId, JsonNode body, String endedReason, boolean webhookArrives) {
    createdAt.add(now());
    createdIds.add(callId);
    webhooks.schedule(() -> {
      vapi.end(callId, endedReason);
      if (!webhookArrives) {
        return;
      }
      String callWorkflowId = body.path("assistant").path("metadata").path("callWorkflowId").asText();
      JsonNode call = vapi.call(callId);
      boolean talked = call.path("analysis").has("summary");
      CallReport report = new CallReport(callWorkflowId, "vapi", callId,
          talked ? CallStatus.COMPLETED : statusOf(endedReason), endedReason, talked ? 95 : 0,
          talked ? call.path("artifact").path("transcript").asText() : null,
          talked ? call.path("analysis").path("summary").asText() : null,
          talked ? call.path("artifact").path("recordingUrl").asText() : null,
          talked ? new QualificationFields("Ana Rojas", null, null, "Ñuñoa", null, 2, 95_000_000L, null,
              DicomStatus.CLEAN, "3 meses") : QualificationFields.EMPTY);
      client.newWorkflowStub(CallWorkflow.class, callWorkflowId).report(report);
    }, 200, TimeUnit.MILLISECONDS);
  }

  /** The provider ids of the calls VAPI created, in order. */
  final List<String> createdIds = new CopyOnWriteArrayList<>();

  private static CallStatus statusOf(String endedReason) {
    return com.inmo.workflows.call.ProviderOutcomes.vapiEnded(endedReason);
  }

  /** Waits (real time, time does not skip) until the condition holds. */
  static void until(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      sleepReal(25);
    }
  }

  boolean noted(String id, String text) {
    return records.messagesOf(id).stream().anyMatch(m -> m.body() != null && m.body().contains(text));
  }

  String leadWhoAsksForACall(String session) {
    String id = webchatLead(session);
    says(id, "Hola, soy Ana Rojas y mi teléfono es 9 8765 4321");
    says(id, "¿Me pueden llamar?");
    say(id, "Sí, ese es"); // a number typed in the chat is called once the lead confirms it
    return id;
  }

  @Test
  void aCallAnsweredAndReportedUpdatesTheLead() {
    vapi.onCreate = (callId, body) -> endsAndReports(callId, body, "customer-ended-call", true);
    String id = leadWhoAsksForACall("answered");

    // the status shows first; the report's fields and the call's note are applied after the call is recorded
    LeadView done = await(id, v -> "COMPLETED".equals(v.lastCallStatus()) && v.activeCallId() == null
        && v.fields().zone() != null);
    until(() -> noted(id, "Llamada completada"), "the call's note");

    assertThat(vapi.created).hasSize(1);
    JsonNode posted = vapi.created.get(0);
    assertThat(posted.path("customer").path("number").asText()).isEqualTo("+56987654321");
    assertThat(posted.path("assistant").path("metadata").path("callWorkflowId").asText()).isEqualTo(id + "-call-1");
    assertThat(posted.path("assistant").path("metadata").path("leadWorkflowId").asText()).isEqualTo(id);
    assertThat(posted.path("assistant").path("server").path("url").asText())
        .isEqualTo("https://api.inmo.example/webhooks/voice/vapi");
    assertThat(api.requestsTo("POST /internal/v1/calls/reservations")).isEqualTo(1);
    assertThat(vapi.getRequests()).as("the webhook came: no poll").isZero();
    assertThat(done.fields().zone()).isEqualTo("Ñuñoa");
    assertThat(done.fields().bedrooms()).isEqualTo(2);
    assertThat(done.fields().budgetClp()).isEqualTo(95_000_000L);
    assertThat(records.messagesOf(id)).extracting("body").anySatisfy(body ->
        assertThat((String) body).contains("Llamada completada (95 s)").contains("2 dormitorios en Ñuñoa"));
  }

  @Test
  void noAnswerIsCalledAgainLaterUnderANewKey() {
    vapi.onCreate = (callId, body) -> endsAndReports(callId, body,
        vapi.created.size() == 1 ? "customer-did-not-answer" : "customer-ended-call", true);
    String id = leadWhoAsksForACall("retry");
    await(id, v -> "NO_ANSWER".equals(v.lastCallStatus()) && v.activeCallId() == null && v.nextCallAt() != null);
    assertThat(vapi.created).hasSize(1);

    for (int i = 0; i < 20 && vapi.created.size() < 2; i++) {
      env.sleep(Duration.ofMinutes(15));
      sleepReal(50);
    }
    LeadView done = await(id, v -> "COMPLETED".equals(v.lastCallStatus()) && v.activeCallId() == null);

    assertThat(vapi.created).hasSize(2);
    assertThat(vapi.created).extracting(b -> b.path("assistant").path("metadata").path("callWorkflowId").asText())
        .containsExactly(id + "-call-1", id + "-call-2");
    assertThat(vapi.created).extracting(b -> b.path("assistant").path("metadata").path("idempotencyKey").asText())
        .doesNotHaveDuplicates();
    assertThat(Duration.between(createdAt.get(0), createdAt.get(1))).as("the broker's retry delay")
        .isGreaterThanOrEqualTo(Duration.ofHours(2));
    assertThat(done.callAttempts()).isEqualTo(2);
  }

  @Test
  void aReportThatNeverArrivesIsRecoveredByThePoll() {
    vapi.onCreate = (callId, body) -> endsAndReports(callId, body, "customer-ended-call", false);
    String id = leadWhoAsksForACall("poll");
    // the call is placed (and has ended at VAPI) before the report's wait runs out
    until(() -> createdIds.size() == 1 && "ended".equals(vapi.call(createdIds.get(0)).path("status").asText()),
        "the call to be placed and to end");

    env.sleep(Duration.ofMinutes(16));
    LeadView done = await(id, v -> v.activeCallId() == null && v.fields().budgetClp() != null);
    until(() -> noted(id, "Llamada completada"), "the call's note");

    assertThat(done.lastCallStatus()).isEqualTo("COMPLETED");
    assertThat(vapi.getRequests()).as("GET /call/{id}").isGreaterThanOrEqualTo(1);
    assertThat(done.fields().budgetClp()).as("the poll's structured data").isEqualTo(95_000_000L);
    assertThat(records.messagesOf(id)).extracting("body").anySatisfy(body ->
        assertThat((String) body).contains("Llamada completada (95 s)"));
  }

  @Test
  void whenTheCallCapIsReachedNoCallIsPlacedAndTheLeadGetsAMessage() {
    api.brokerCap = 0;
    String id = leadWhoAsksForACall("capped");

    LeadView done = await(id, v -> "FAILED".equals(v.lastCallStatus()) && v.activeCallId() == null);
    until(() -> messenger.to(id).stream().anyMatch(sent -> sent.message().text().contains("Intenté llamarte")),
        "the fallback message");

    assertThat(vapi.server.getRequestCount()).isZero();
    assertThat(records.messagesOf(id)).extracting("body").anySatisfy(body ->
        assertThat((String) body).contains("call cap reached"));
    assertThat(messenger.to(id)).extracting(s -> s.message().text()).anySatisfy(text ->
        assertThat(text).contains("Intenté llamarte"));
    assertThat(done.nextCallAt()).isNull();
  }

  @Test
  void aBlandCallWhoseWebhookNeverArrivesIsRecoveredByThePoll() {
    bland.onCreate = (callId, body) -> webhooks.schedule(() -> bland.end(callId, "completed", "voicemail"), 200,
        TimeUnit.MILLISECONDS);
    String id = leadWhoAsksForACall("bland");
    until(() -> bland.created.size() == 1, "the call to be placed");
    sleepReal(400);

    env.sleep(Duration.ofMinutes(16));
    LeadView done = await(id, v -> v.activeCallId() == null && v.nextCallAt() != null);

    assertThat(bland.created).hasSize(1);
    assertThat(bland.created.get(0).path("phone_number").asText()).isEqualTo("+56987654321");
    assertThat(done.lastCallStatus()).isEqualTo("VOICEMAIL");
    assertThat(done.nextCallAt()).as("voicemail: called again later").isNotNull();
  }
}
