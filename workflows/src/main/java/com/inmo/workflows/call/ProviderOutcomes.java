package com.inmo.workflows.call;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How each voice provider's words for the end of a call map to {@link CallStatus}: the one table per provider
 * that the api's webhooks and the worker's status polls both read, so a webhook and a poll of the same call
 * always agree. Pure: strings in, a status out (the JSON is read on each side). docs/voice-providers.md lists
 * the provider values relied on.
 *
 * <p>Anything unknown is {@link CallStatus#FAILED}: a failed call is not retried, and retrying a call whose end
 * we do not understand could ring (and bill) the same person again and again.
 */
public final class ProviderOutcomes {

  /** VAPI {@code endedReason}s other than the ones below that mean a conversation took place. */
  static final Set<String> VAPI_CONVERSATION_ENDINGS = Set.of(
      "customer-ended-call", "assistant-ended-call", "assistant-said-end-call-phrase",
      "assistant-ended-call-after-message-spoken", "assistant-ended-call-with-hangup-task",
      "assistant-said-message-with-end-call-enabled", "assistant-forwarded-call", "exceeded-max-duration",
      "silence-timed-out", "customer-ended-call-after-warm-transfer-attempt",
      "customer-ended-call-before-warm-transfer", "call.in-progress.twilio-completed-call",
      "call.in-progress.sip-completed-call");

  static final Map<String, CallStatus> VAPI_MISSED = Map.of(
      "customer-did-not-answer", CallStatus.NO_ANSWER,
      "customer-busy", CallStatus.BUSY,
      "voicemail", CallStatus.VOICEMAIL,
      "manually-canceled", CallStatus.CANCELED);

  /** VAPI call {@code status}es of a call that has not ended. */
  static final Set<String> VAPI_LIVE = Set.of("scheduled", "queued", "ringing", "in-progress", "forwarding");

  private ProviderOutcomes() {
  }

  /**
   * A VAPI call from its {@code status} (null in an end-of-call report, which is always an ended call) and
   * {@code endedReason}.
   */
  public static CallStatus vapi(String callStatus, String endedReason) {
    String status = norm(callStatus);
    String reason = norm(endedReason);
    if (reason.isEmpty()) {
      // no reason: still going on, unless the provider says it ended (then we cannot tell how: failed)
      return status.isEmpty() || VAPI_LIVE.contains(status) ? CallStatus.IN_PROGRESS : CallStatus.FAILED;
    }
    CallStatus missed = VAPI_MISSED.get(reason);
    if (missed != null) {
      return missed;
    }
    return VAPI_CONVERSATION_ENDINGS.contains(reason) ? CallStatus.COMPLETED : CallStatus.FAILED;
  }

  /** The VAPI end-of-call report's status: {@link #vapi(String, String)} of an ended call. */
  public static CallStatus vapiEnded(String endedReason) {
    return vapi("ended", endedReason);
  }

  /**
   * A Bland call from its {@code status} ({@code queued}, {@code in-progress}, {@code completed},
   * {@code no-answer}, {@code busy}, {@code failed}, {@code canceled}…), {@code answered_by} ({@code human},
   * {@code voicemail}, {@code unknown}, {@code no-answer}, {@code busy}) and {@code completed} flag. Bland's
   * webhook body and its {@code GET /v1/calls/{id}} answer are the same call object.
   */
  public static CallStatus bland(String status, String answeredBy, Boolean completed) {
    String s = norm(status);
    String by = norm(answeredBy);
    if (s.equals("canceled") || s.equals("cancelled")) {
      return CallStatus.CANCELED;
    }
    if (s.equals("busy") || by.equals("busy")) {
      return CallStatus.BUSY;
    }
    if (s.equals("no-answer") || by.equals("no-answer")) {
      return CallStatus.NO_ANSWER;
    }
    if (by.equals("voicemail")) {
      return CallStatus.VOICEMAIL;
    }
    if (s.equals("failed") || s.equals("error") || s.equals("call-error")) {
      return CallStatus.FAILED;
    }
    boolean ended = Boolean.TRUE.equals(completed) || s.equals("completed") || s.equals("complete");
    if (!ended) {
      return s.isEmpty() || Set.of("new", "queued", "allocated", "started", "ringing", "in-progress").contains(s)
          ? CallStatus.IN_PROGRESS : CallStatus.FAILED;
    }
    // ended: a person (or an answer we could not classify, when answering-machine detection is off) talked
    return CallStatus.COMPLETED;
  }

  /** Lower case, {@code _} read as {@code -}, never null. */
  static String norm(String value) {
    return value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
