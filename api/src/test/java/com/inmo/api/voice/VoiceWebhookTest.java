package com.inmo.api.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.voice.ProviderWire.Meta;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * The VAPI and Bland webhooks against the real Temporal test server and Redis, with the providers' real JSON:
 * only a signed report reaches the call workflow, once.
 */
@ApiIntegrationTest
@TestPropertySource(properties = {"inmo.voice.vapi-webhook-secret=" + VoiceWebhookTest.VAPI_SECRET,
    "inmo.voice.bland-webhook-secret=" + VoiceWebhookTest.BLAND_SECRET})
class VoiceWebhookTest {

  static final String VAPI_SECRET = "vapi-webhook-secret-0123456789";
  static final String BLAND_SECRET = "bland-webhook-secret-0123456789";

  @Autowired
  WebTestClient http;
  @Autowired
  WorkflowClient temporal;
  @Autowired
  EventBus bus;

  /** A provider call id of its own for each run: Redis remembers delivered reports across runs. */
  private static String id(String name) {
    return name + "-" + UUID.randomUUID();
  }

  /** A call workflow started without a worker: the server holds it open, which is all a signal needs. */
  private Meta runningCall() {
    Meta meta = Meta.random("demo");
    temporal.newUntypedWorkflowStub("CallWorkflow", WorkflowOptions.newBuilder().setWorkflowId(meta.callWorkflowId())
        .setTaskQueue("inmo-voice-webhook-test").build()).start((Object) null);
    return meta;
  }

  private List<String> reportSignals(String workflowId) {
    return temporal.fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
        .filter(a -> a.getSignalName().equals("report"))
        .map(a -> a.getInput().getPayloads(0).getData().toStringUtf8())
        .toList();
  }

  private WebTestClient.ResponseSpec vapi(String body, String header, String value) {
    WebTestClient.RequestBodySpec request = http.post().uri("/webhooks/voice/vapi").contentType(MediaType.APPLICATION_JSON);
    if (header != null) {
      request = request.header(header, value);
    }
    return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
  }

  private WebTestClient.ResponseSpec vapiSigned(String body, Instant at, String secret) {
    String ts = String.valueOf(at.getEpochSecond());
    String signature = HexFormat.of().formatHex(WebhookSignatures.hmac(secret,
        (ts + "." + body).getBytes(StandardCharsets.UTF_8)));
    return http.post().uri("/webhooks/voice/vapi").contentType(MediaType.APPLICATION_JSON)
        .header("X-Vapi-Signature", signature).header("X-Vapi-Timestamp", ts)
        .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
  }

  private WebTestClient.ResponseSpec bland(String body, String secret) {
    String signature = HexFormat.of().formatHex(WebhookSignatures.hmac(secret, body.getBytes(StandardCharsets.UTF_8)));
    return http.post().uri("/webhooks/voice/bland").contentType(MediaType.APPLICATION_JSON)
        .header("X-Webhook-Signature", signature).bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
  }

  @Test
  void aVapiEndOfCallReportWithTheSecretHeaderIsSignalledWithEverythingItSays() {
    Meta meta = runningCall();
    String callId = UUID.randomUUID().toString();
    var published = bus.events().filter(e -> meta.leadWorkflowId().equals(e.workflowId())
        && LiveEvent.CALL_STATUS.equals(e.type())).take(1);

    StepVerifier.create(published)
        .then(() -> vapi(ProviderWire.endOfCallReport(callId, "customer-ended-call", meta), "X-Vapi-Secret", VAPI_SECRET)
            .expectStatus().isOk().expectBody().jsonPath("$.signalled").isEqualTo(meta.callWorkflowId()))
        .assertNext(e -> {
          assertThat(e.brokerSlug()).isEqualTo("demo");
          assertThat(e.leadId()).isEqualTo(meta.leadId());
          assertThat(e.data().path("status").asString()).isEqualTo("COMPLETED");
          assertThat(e.data().path("providerCallId").asString()).isEqualTo(callId);
        })
        .expectComplete()
        .verify(Duration.ofSeconds(10));

    List<String> signals = reportSignals(meta.callWorkflowId());
    assertThat(signals).hasSize(1);
    assertThat(signals.get(0))
        .contains("\"callWorkflowId\":\"" + meta.callWorkflowId() + "\"")
        .contains("\"provider\":\"vapi\"").contains("\"providerCallId\":\"" + callId + "\"")
        .contains("\"status\":\"COMPLETED\"").contains("\"endedReason\":\"customer-ended-call\"")
        .contains("\"durationSeconds\":95").contains("User: Hola, sí, dime.")
        .contains("2 dormitorios en Ñuñoa").contains("https://storage.vapi.ai/" + callId)
        .contains("\"zone\":\"Ñuñoa\"").contains("\"budgetClp\":95000000").contains("\"dicom\":\"CLEAN\"");
  }

  @Test
  void aBearerTokenOrATimestampedSignatureAlsoPass() {
    Meta meta = runningCall();
    vapi(ProviderWire.endOfCallReport(id("c-bearer"), "customer-busy", meta), "Authorization", "Bearer " + VAPI_SECRET)
        .expectStatus().isOk().expectBody().jsonPath("$.signalled").isEqualTo(meta.callWorkflowId());
    Meta other = runningCall();
    vapiSigned(ProviderWire.endOfCallReport(id("c-hmac"), "voicemail", other), Instant.now(), VAPI_SECRET)
        .expectStatus().isOk().expectBody().jsonPath("$.signalled").isEqualTo(other.callWorkflowId());

    assertThat(reportSignals(meta.callWorkflowId())).singleElement().asString().contains("\"status\":\"BUSY\"");
    assertThat(reportSignals(other.callWorkflowId())).singleElement().asString().contains("\"status\":\"VOICEMAIL\"");
  }

  @Test
  void aForgedOrStaleRequestIs401AndSignalsNothing() {
    Meta meta = runningCall();
    String body = ProviderWire.endOfCallReport(id("c-forged"), "customer-ended-call", meta);

    vapi(body, null, null).expectStatus().isUnauthorized();
    vapi(body, "X-Vapi-Secret", "guessed").expectStatus().isUnauthorized();
    vapi(body, "Authorization", "Bearer guessed").expectStatus().isUnauthorized();
    vapiSigned(body, Instant.now(), "guessed").expectStatus().isUnauthorized();
    vapiSigned(body, Instant.now().minus(Duration.ofMinutes(6)), VAPI_SECRET).expectStatus().isUnauthorized();
    vapiSigned(body, Instant.now().plus(Duration.ofMinutes(6)), VAPI_SECRET).expectStatus().isUnauthorized();
    // signed, then changed on the way
    String ts = String.valueOf(Instant.now().getEpochSecond());
    String signature = HexFormat.of().formatHex(WebhookSignatures.hmac(VAPI_SECRET,
        (ts + "." + body).getBytes(StandardCharsets.UTF_8)));
    http.post().uri("/webhooks/voice/vapi").contentType(MediaType.APPLICATION_JSON)
        .header("X-Vapi-Signature", signature).header("X-Vapi-Timestamp", ts)
        .bodyValue(body.replace("customer-ended-call", "customer-busy").getBytes(StandardCharsets.UTF_8)).exchange()
        .expectStatus().isUnauthorized();
    bland(ProviderWire.blandCall(id("b-forged"), "completed", "human", true, meta), "guessed")
        .expectStatus().isUnauthorized();

    assertThat(reportSignals(meta.callWorkflowId())).isEmpty();
  }

  @Test
  void theSameReportTwiceIsSignalledOnce() {
    Meta meta = runningCall();
    String body = ProviderWire.endOfCallReport(id("c-twice"), "customer-did-not-answer", meta);

    vapi(body, "X-Vapi-Secret", VAPI_SECRET).expectStatus().isOk()
        .expectBody().jsonPath("$.signalled").isEqualTo(meta.callWorkflowId());
    vapi(body, "X-Vapi-Secret", VAPI_SECRET).expectStatus().isOk()
        .expectBody().jsonPath("$.ignored").isEqualTo("duplicate");
    vapiSigned(body, Instant.now(), VAPI_SECRET).expectStatus().isOk()
        .expectBody().jsonPath("$.ignored").isEqualTo("duplicate");

    assertThat(reportSignals(meta.callWorkflowId())).singleElement().asString().contains("\"status\":\"NO_ANSWER\"");
  }

  @Test
  void aStatusUpdateIsOnlyShownLive() {
    Meta meta = runningCall();
    var published = bus.events().filter(e -> meta.leadWorkflowId().equals(e.workflowId())).take(1);

    StepVerifier.create(published)
        .then(() -> vapi(ProviderWire.statusUpdate(id("c-live"), "ringing", meta), "X-Vapi-Secret", VAPI_SECRET)
            .expectStatus().isOk().expectBody().jsonPath("$.published").isEqualTo("ringing"))
        .assertNext(e -> {
          assertThat(e.type()).isEqualTo(LiveEvent.CALL_STATUS);
          assertThat(e.data().path("providerStatus").asString()).isEqualTo("ringing");
          assertThat(e.data().path("status").asString()).isEqualTo("IN_PROGRESS");
          assertThat(e.data().path("callWorkflowId").asString()).isEqualTo(meta.callWorkflowId());
        })
        .expectComplete()
        .verify(Duration.ofSeconds(10));
    assertThat(reportSignals(meta.callWorkflowId())).isEmpty();
  }

  @Test
  void aVapiStatusUpdateOfTheEndCarriesTheOutcomeLiveAndAClosedWorkflowIgnoresTheReport() {
    Meta meta = runningCall();
    var published = bus.events().filter(e -> meta.leadWorkflowId().equals(e.workflowId())).take(1);
    String ended = ProviderWire.statusUpdate(id("c-ended"), "ended", meta)
        .replace("\"type\": \"status-update\",", "\"type\": \"status-update\", \"endedReason\": \"customer-busy\",");
    StepVerifier.create(published)
        .then(() -> vapi(ended, "X-Vapi-Secret", VAPI_SECRET).expectStatus().isOk())
        .assertNext(e -> {
          assertThat(e.data().path("status").asString()).isEqualTo("BUSY");
          assertThat(e.data().path("endedReason").asString()).isEqualTo("customer-busy");
        })
        .expectComplete()
        .verify(Duration.ofSeconds(10));

    // the call workflow ended (say, its poll found the outcome first): VAPI must stop retrying
    temporal.newUntypedWorkflowStub(meta.callWorkflowId()).terminate("done");
    vapi(ProviderWire.endOfCallReport(id("c-late"), "customer-busy", meta), "X-Vapi-Secret", VAPI_SECRET)
        .expectStatus().isOk().expectBody().jsonPath("$.ignored")
        .isEqualTo("no running call workflow " + meta.callWorkflowId());
    assertThat(reportSignals(meta.callWorkflowId())).isEmpty();
  }

  @Test
  void otherMessagesAndOtherCallsAreAnswered200AndIgnored() {
    Meta meta = runningCall();
    vapi(ProviderWire.otherMessage("conversation-update", id("c-other"), meta), "X-Vapi-Secret", VAPI_SECRET)
        .expectStatus().isOk().expectBody().jsonPath("$.ignored").isEqualTo("conversation-update");
    // a call placed from VAPI's dashboard carries none of our metadata
    String foreign = ProviderWire.endOfCallReport(id("c-foreign"), "customer-ended-call", meta)
        .replace("\"callWorkflowId\"", "\"somethingElse\"");
    vapi(foreign, "X-Vapi-Secret", VAPI_SECRET).expectStatus().isOk()
        .expectBody().jsonPath("$.ignored").isEqualTo("not a call placed by Inmo");
    // a workflow that does not (or no longer) run: 200, so that VAPI stops retrying
    Meta gone = Meta.random("demo");
    vapi(ProviderWire.endOfCallReport(id("c-gone"), "customer-ended-call", gone), "X-Vapi-Secret", VAPI_SECRET)
        .expectStatus().isOk().expectBody().jsonPath("$.ignored").isEqualTo("no running call workflow "
            + gone.callWorkflowId());
    vapi("{\"not\": \"vapi\"}", "X-Vapi-Secret", VAPI_SECRET).expectStatus().isBadRequest();

    assertThat(reportSignals(meta.callWorkflowId())).isEmpty();
  }

  @Test
  void aSignedBlandCallIsSignalledOnceAndAForgedOneIsNot() {
    Meta meta = runningCall();
    String callId = UUID.randomUUID().toString();
    String body = ProviderWire.blandCall(callId, "completed", "human", true, meta);

    bland(body, BLAND_SECRET).expectStatus().isOk().expectBody().jsonPath("$.signalled").isEqualTo(meta.callWorkflowId());
    bland(body, BLAND_SECRET).expectStatus().isOk().expectBody().jsonPath("$.ignored").isEqualTo("duplicate");
    http.post().uri("/webhooks/voice/bland").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
        .expectStatus().isUnauthorized();

    assertThat(reportSignals(meta.callWorkflowId())).singleElement().asString()
        .contains("\"provider\":\"bland\"").contains("\"providerCallId\":\"" + callId + "\"")
        .contains("\"status\":\"COMPLETED\"").contains("\"endedReason\":\"completed/human\"")
        .contains("\"durationSeconds\":96").contains("user: Hola, sí.").contains("visita del sábado")
        .contains("/recordings/" + callId + ".mp3");
  }

  @Test
  void aBlandVoicemailIsSignalledAsVoicemailAndAnUnfinishedCallIsNotSignalled() {
    Meta meta = runningCall();
    bland(ProviderWire.blandCall(id("b-live"), "in-progress", null, false, meta), BLAND_SECRET).expectStatus().isOk()
        .expectBody().jsonPath("$.published").isEqualTo("in-progress");
    assertThat(reportSignals(meta.callWorkflowId())).isEmpty();

    bland(ProviderWire.blandCall(id("b-vm"), "completed", "voicemail", true, meta), BLAND_SECRET).expectStatus().isOk();
    assertThat(reportSignals(meta.callWorkflowId())).singleElement().asString().contains("\"status\":\"VOICEMAIL\"");
  }
}
