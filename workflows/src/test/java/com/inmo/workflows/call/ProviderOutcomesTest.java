package com.inmo.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderOutcomesTest {

  @ParameterizedTest(name = "VAPI {0}/{1} → {2}")
  @CsvSource(nullValues = "null", value = {
      // the end-of-call report: no status, always ended
      "null, customer-ended-call, COMPLETED",
      "null, assistant-ended-call, COMPLETED",
      "null, assistant-said-end-call-phrase, COMPLETED",
      "null, assistant-forwarded-call, COMPLETED",
      "null, exceeded-max-duration, COMPLETED",
      "null, silence-timed-out, COMPLETED",
      "null, customer-did-not-answer, NO_ANSWER",
      "null, customer-busy, BUSY",
      "null, voicemail, VOICEMAIL",
      "null, manually-canceled, CANCELED",
      "null, twilio-failed-to-connect-call, FAILED",
      "null, call.in-progress.error-sip-outbound-call-failed-to-connect, FAILED",
      "null, pipeline-error-openai-llm-failed, FAILED",
      "null, a-reason-vapi-adds-next-year, FAILED",
      // the poll: GET /call/{id}
      "queued, null, IN_PROGRESS",
      "ringing, null, IN_PROGRESS",
      "in-progress, null, IN_PROGRESS",
      "forwarding, null, IN_PROGRESS",
      "ended, customer-ended-call, COMPLETED",
      "ended, Customer-Did-Not-Answer, NO_ANSWER",
      "ended, voicemail, VOICEMAIL",
      "ended, null, FAILED",
      "null, null, IN_PROGRESS",
  })
  void vapi(String status, String endedReason, CallStatus expected) {
    assertThat(ProviderOutcomes.vapi(status, endedReason)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "VAPI report {0} → {1}")
  @CsvSource({"customer-ended-call, COMPLETED", "customer-busy, BUSY", "worker-shutdown, FAILED"})
  void vapiEndOfCallReport(String endedReason, CallStatus expected) {
    assertThat(ProviderOutcomes.vapiEnded(endedReason)).isEqualTo(expected);
    assertThat(ProviderOutcomes.vapiEnded(null)).isEqualTo(CallStatus.FAILED);
  }

  @ParameterizedTest(name = "Bland {0}/{1}/{2} → {3}")
  @CsvSource(nullValues = "null", value = {
      "completed, human, true, COMPLETED",
      "completed, unknown, true, COMPLETED",
      "completed, null, true, COMPLETED",
      "null, human, true, COMPLETED",
      "completed, voicemail, true, VOICEMAIL",
      "completed, no-answer, true, NO_ANSWER",
      "completed, no_answer, true, NO_ANSWER",
      "no-answer, null, true, NO_ANSWER",
      "busy, null, true, BUSY",
      "completed, busy, true, BUSY",
      "failed, null, true, FAILED",
      "canceled, null, true, CANCELED",
      "cancelled, null, false, CANCELED",
      "queued, null, false, IN_PROGRESS",
      "in-progress, null, false, IN_PROGRESS",
      "in_progress, null, false, IN_PROGRESS",
      "null, null, false, IN_PROGRESS",
      "null, null, null, IN_PROGRESS",
      "exploded, null, false, FAILED",
  })
  void bland(String status, String answeredBy, Boolean completed, CallStatus expected) {
    assertThat(ProviderOutcomes.bland(status, answeredBy, completed)).isEqualTo(expected);
  }
}
