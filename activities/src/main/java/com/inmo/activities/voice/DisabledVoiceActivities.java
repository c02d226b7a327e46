package com.inmo.activities.voice;

import com.inmo.workflows.activity.CallStarted;
import com.inmo.workflows.activity.CallStatusRequest;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.activity.VoiceActivities;
import com.inmo.workflows.call.CallReport;
import io.temporal.failure.ApplicationFailure;

/**
 * Calling off: production without a {@code VOICE_PROVIDER}. No phone rings and nothing is made up (the simulator
 * is refused in production: it would write invented transcripts on real leads). Every call is refused at once
 * with a non-retryable {@value #VOICE_DISABLED} failure, so the call workflow ends FAILED with the reason on the
 * lead's record instead of retrying; the workflow can tell beforehand from {@code BrokerConfig.voiceEnabled()}.
 */
public class DisabledVoiceActivities implements VoiceActivities {

  /** The failure's type, for the workflow to tell "calling is off" from a provider's refusal. */
  public static final String VOICE_DISABLED = com.inmo.workflows.call.CallFailures.VOICE_DISABLED;
  public static final String REASON = com.inmo.workflows.call.CallFailures.VOICE_DISABLED_REASON;

  @Override
  public CallStarted startCall(StartCallRequest request) {
    throw refusal();
  }

  @Override
  public CallReport callStatus(CallStatusRequest request) {
    throw refusal();
  }

  private static ApplicationFailure refusal() {
    return ApplicationFailure.newNonRetryableFailure(REASON + ": no VOICE_PROVIDER is configured in production "
        + "(set vapi or bland to call leads)", VOICE_DISABLED);
  }
}
