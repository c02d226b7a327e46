package com.inmo.workflows.activity;

import com.inmo.workflows.call.CallReport;
import io.temporal.activity.ActivityInterface;

/** Outbound voice calls through the configured provider (simulated, VAPI, Bland). */
@ActivityInterface
public interface VoiceActivities {

  /** Starts a call; the provider de-duplicates by the request's idempotency key. */
  CallStarted startCall(StartCallRequest request);

  /** Asks the provider for a call's state when its end-of-call report did not arrive. */
  CallReport callStatus(CallStatusRequest request);
}
