package com.inmo.api.voice;

import static com.inmo.api.voice.ProviderJson.bool;
import static com.inmo.api.voice.ProviderJson.fields;
import static com.inmo.api.voice.ProviderJson.number;
import static com.inmo.api.voice.ProviderJson.text;

import com.inmo.api.voice.ProviderJson.CallMeta;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.call.ProviderOutcomes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bland's webhook body: the call object (the same one {@code GET /v1/calls/{id}} answers, docs/voice-providers.md),
 * posted once when the call ends. Its outcome is {@link ProviderOutcomes#bland} of status, answered_by and
 * completed, as the worker's poll reads it.
 */
final class BlandCalls {

  record Call(String callId, CallMeta meta, CallStatus status, String providerStatus, CallReport report) {
  }

  private BlandCalls() {
  }

  static Call parse(JsonMapper json, byte[] body) {
    JsonNode c = ProviderJson.parse(json, body, "Bland call");
    String callId = text(c.get("call_id"), c.get("c_id"));
    if (callId == null) {
      throw com.inmo.api.web.Problems.badRequest("The body is not a Bland call: call_id is missing");
    }
    CallMeta meta = CallMeta.of(c.get("metadata"), c.path("request_data").get("metadata"));
    String status = text(c.get("status"), c.get("queue_status"));
    String answeredBy = text(c.get("answered_by"));
    CallStatus outcome = ProviderOutcomes.bland(status, answeredBy, bool(c.get("completed")));
    CallReport report = meta == null ? null : new CallReport(meta.callWorkflowId(), "bland", callId, outcome,
        endedReason(status, answeredBy, text(c.get("error_message"))), seconds(c), text(c.get("concatenated_transcript")),
        text(c.get("summary")), text(c.get("recording_url")), fields(json, c.get("analysis")));
    return new Call(callId, meta, outcome, status, report);
  }

  /** {@code completed/human}, {@code failed: <error_message>}… */
  static String endedReason(String status, String answeredBy, String error) {
    StringBuilder out = new StringBuilder(status == null ? "unknown" : status);
    if (answeredBy != null) {
      out.append('/').append(answeredBy);
    }
    if (error != null) {
      out.append(": ").append(error);
    }
    return out.toString();
  }

  /** {@code corrected_duration} (seconds) when Bland gives it, else {@code call_length} (minutes). */
  private static int seconds(JsonNode c) {
    Double seconds = number(c.get("corrected_duration"));
    if (seconds != null) {
      return (int) Math.max(0, Math.round(seconds));
    }
    Double minutes = number(c.get("call_length"));
    return minutes == null ? 0 : (int) Math.max(0, Math.round(minutes * 60));
  }
}
