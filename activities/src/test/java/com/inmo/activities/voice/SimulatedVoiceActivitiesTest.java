package com.inmo.activities.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.activities.api.InternalApiStub;
import com.inmo.workflows.activity.CallStarted;
import com.inmo.workflows.activity.CallStatusRequest;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Duration;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class SimulatedVoiceActivitiesTest {

  private static StartCallRequest call(String phone) {
    return new StartCallRequest("lead-demo-webchat-s-call-1", "lead-demo-webchat-s", UUID.randomUUID(), "demo", phone,
        "INITIAL_QUALIFICATION", "lead-1-1", "Sofía", QualificationFields.EMPTY);
  }

  @Test
  void theReportTravelsTheRealWebhookPathOnceAndThePollAnswersTheSame() throws Exception {
    try (InternalApiStub api = new InternalApiStub();
         SimulatedVoiceActivities voice = new SimulatedVoiceActivities(api.client(), Duration.ofMillis(50))) {
      api.answer(200, "{}");

      CallStarted first = voice.startCall(call("+56987654325"));
      CallStarted again = voice.startCall(call("+56987654325"));

      RecordedRequest webhook = api.next();
      assertThat(webhook.getPath()).isEqualTo("/webhooks/voice/simulated");
      assertThat(webhook.getHeader("X-Internal-Token")).isEqualTo(InternalApiStub.TOKEN);
      assertThat(webhook.getBody().readUtf8()).contains("\"status\":\"COMPLETED\"").contains("\"transcript\"")
          .contains("\"callWorkflowId\":\"lead-demo-webchat-s-call-1\"");
      assertThat(again).isEqualTo(first);
      org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(300))
          .atMost(java.time.Duration.ofSeconds(3)).until(() -> api.server.getRequestCount() == 1);
      CallReport polled = voice.callStatus(new CallStatusRequest("simulated", first.providerCallId(), "x"));
      assertThat(polled.status()).isEqualTo(CallStatus.COMPLETED);
      assertThat(polled.summary()).isNotBlank();
    }
  }

  @Test
  void theNumbersLastDigitChoosesTheOutcome() {
    assertThat(SimulatedCalls.reportFor(call("+56987654320"), "c").status()).isEqualTo(CallStatus.NO_ANSWER);
    assertThat(SimulatedCalls.reportFor(call("+56987654321"), "c").status()).isEqualTo(CallStatus.BUSY);
    assertThat(SimulatedCalls.reportFor(call("+56987654322"), "c").status()).isEqualTo(CallStatus.VOICEMAIL);
    assertThat(SimulatedCalls.reportFor(call("+56987654323"), "c").status()).isEqualTo(CallStatus.FAILED);
    assertThat(SimulatedCalls.reportFor(call("+56987654325"), "c").status()).isEqualTo(CallStatus.COMPLETED);
  }
}
