package com.inmo.api.voice;

import static com.inmo.api.voice.ProviderJson.fields;
import static com.inmo.api.voice.ProviderJson.instant;
import static com.inmo.api.voice.ProviderJson.number;
import static com.inmo.api.voice.ProviderJson.seconds;
import static com.inmo.api.voice.ProviderJson.text;

import com.inmo.api.voice.ProviderJson.CallMeta;
import com.inmo.api.web.Problems;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.ProviderOutcomes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * VAPI's server messages ({@code {"message": {"type": …, "call": {…}, …}}}, docs/voice-providers.md) read into
 * what the webhook needs. The end-of-call report carries the same fields as the worker's {@code GET /call/{id}}
 * poll (at the message's top level, or under {@code call}), and both map the ended reason through
 * {@link ProviderOutcomes#vapi}.
 */
final class VapiMessages {

  static final String END_OF_CALL_REPORT = "end-of-call-report";
  static final String STATUS_UPDATE = "status-update";

  /**
   * @param meta       null when the call carries none of our metadata (placed from VAPI's dashboard, say)
   * @param callStatus VAPI's call status ({@code status-update}: ringing, in-progress, ended…)
   * @param report     the end-of-call report as the call workflow takes it; null for other types
   */
  record Message(String type, String callId, CallMeta meta, String callStatus, String endedReason, CallReport report) {
  }

  private VapiMessages() {
  }

  static Message parse(JsonMapper json, byte[] body) {
    JsonNode root = ProviderJson.parse(json, body, "VAPI server message");
    JsonNode m = root.get("message");
    if (m == null || !m.isObject() || text(m.get("type")) == null) {
      throw Problems.badRequest("The body is not a VAPI server message: message.type is missing");
    }
    String type = text(m.get("type"));
    JsonNode call = m.path("call");
    String callId = text(call.get("id"));
    CallMeta meta = CallMeta.of(m.path("assistant").get("metadata"), call.path("assistant").get("metadata"),
        call.get("metadata"), call.path("assistantOverrides").get("metadata"), m.get("metadata"));
    String endedReason = text(m.get("endedReason"), call.get("endedReason"));
    CallReport report = END_OF_CALL_REPORT.equals(type) && meta != null
        ? report(json, meta.callWorkflowId(), callId, m, call, endedReason) : null;
    return new Message(type, callId, meta, text(m.get("status"), call.get("status")), endedReason, report);
  }

  /** The report of an ended call from the message (or its {@code call}, which holds the same fields). */
  private static CallReport report(JsonMapper json, String callWorkflowId, String callId, JsonNode m, JsonNode call,
                                   String endedReason) {
    JsonNode artifact = m.path("artifact").isObject() ? m.path("artifact") : call.path("artifact");
    JsonNode analysis = m.path("analysis").isObject() ? m.path("analysis") : call.path("analysis");
    Double duration = number(m.get("durationSeconds"), call.get("durationSeconds"));
    int seconds = duration != null ? (int) Math.round(duration)
        : seconds(instant(m.has("startedAt") ? m.get("startedAt") : call.get("startedAt")),
            instant(m.has("endedAt") ? m.get("endedAt") : call.get("endedAt")));
    String transcript = text(artifact.get("transcript"), m.get("transcript"), call.get("transcript"));
    String summary = text(analysis.get("summary"), m.get("summary"), call.get("summary"));
    String recording = text(artifact.get("recordingUrl"), artifact.path("recording").path("mono").get("combinedUrl"),
        artifact.path("recording").get("url"), m.get("recordingUrl"), call.get("recordingUrl"));
    return new CallReport(callWorkflowId, "vapi", callId, ProviderOutcomes.vapiEnded(endedReason), endedReason,
        Math.max(0, seconds), transcript, summary, recording, fields(json, analysis.get("structuredData")));
  }
}
