package com.inmo.workflows.call;

/**
 * Why a voice activity refuses to start a call, as the {@code type} of its non-retryable
 * {@code ApplicationFailure}: the call workflow then ends FAILED with the failure's message as the ended reason,
 * which starts with the matching prefix below.
 */
public final class CallFailures {

  /** The broker's calls this hour or the lead's calls today are spent (calls cost money). */
  public static final String CAP_REACHED = "CallCapReached";
  public static final String CAP_REACHED_REASON = "call cap reached";
  /** The lead's number is not a valid phone number: it never reaches the provider. */
  public static final String INVALID_PHONE_NUMBER = "InvalidPhoneNumber";
  public static final String INVALID_PHONE_NUMBER_REASON = "invalid phone number";

  /** The deployment places no calls (no voice provider in production): a person calls instead. */
  public static final String VOICE_DISABLED = "VoiceDisabled";
  public static final String VOICE_DISABLED_REASON = "voice calling is off";

  private CallFailures() {
  }

  /** Whether a FAILED call's ended reason says the deployment places no calls. */
  public static boolean voiceDisabled(String endedReason) {
    return endedReason != null && endedReason.contains(VOICE_DISABLED_REASON);
  }

  /** Whether a FAILED call's ended reason says a cap stopped it. */
  public static boolean capReached(String endedReason) {
    return endedReason != null && endedReason.contains(CAP_REACHED_REASON);
  }
}
