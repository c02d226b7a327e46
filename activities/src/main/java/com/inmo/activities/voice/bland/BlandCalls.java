package com.inmo.activities.voice.bland;

import static com.inmo.activities.voice.ProviderJson.bool;
import static com.inmo.activities.voice.ProviderJson.fields;
import static com.inmo.activities.voice.ProviderJson.number;
import static com.inmo.activities.voice.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.voice.CallBriefing;
import com.inmo.activities.voice.VoiceProfile;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.ProviderOutcomes;

/**
 * Bland's wire format (docs/voice-providers.md): the {@code POST /v1/calls} body (the briefing as the call's
 * task), and the call object {@code GET /v1/calls/{id}} answers (the same one its webhook posts) read into a
 * {@link CallReport}.
 */
final class BlandCalls {

  private BlandCalls() {
  }

  static ObjectNode sendCall(BlandSettings s, StartCallRequest call, String e164, VoiceProfile profile) {
    ObjectNode body = InternalApiClient.JSON.createObjectNode();
    body.put("phone_number", e164);
    body.put("task", CallBriefing.instructions(call, profile));
    body.put("first_sentence", CallBriefing.firstMessage(call, profile));
    body.put("voice", s.voice());
    body.put("language", s.language());
    body.put("record", true);
    body.put("max_duration", s.maxDurationMinutes());
    body.put("summary_prompt", "Resume la llamada en español, en dos o tres frases: qué busca el cliente, qué se "
        + "acordó y el próximo paso.");
    if (!s.webhookUrl().isEmpty()) {
      body.put("webhook", s.webhookUrl());
    }
    ObjectNode metadata = body.putObject("metadata");
    metadata.put("callWorkflowId", call.callWorkflowId());
    metadata.put("leadWorkflowId", call.leadWorkflowId());
    metadata.put("leadId", call.leadId() == null ? null : call.leadId().toString());
    metadata.put("brokerSlug", call.brokerSlug());
    metadata.put("idempotencyKey", call.idempotencyKey());
    metadata.put("purpose", call.purpose());
    return body;
  }

  /** A Bland call object as the call workflow takes it; IN_PROGRESS while it has not ended. */
  static CallReport report(String callWorkflowId, String callId, JsonNode c) {
    String status = text(c.get("status"), c.get("queue_status"));
    String answeredBy = text(c.get("answered_by"));
    String id = text(c.get("call_id"), c.get("c_id"));
    return new CallReport(callWorkflowId, "bland", id == null ? callId : id,
        ProviderOutcomes.bland(status, answeredBy, bool(c.get("completed"))),
        endedReason(status, answeredBy, text(c.get("error_message"))), seconds(c),
        text(c.get("concatenated_transcript")), text(c.get("summary")), text(c.get("recording_url")),
        fields(c.get("analysis")));
  }

  /** {@code completed/human}, {@code failed: <error_message>}… as the api's webhook writes it. */
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
  static int seconds(JsonNode c) {
    Double seconds = number(c.get("corrected_duration"));
    if (seconds != null) {
      return (int) Math.max(0, Math.round(seconds));
    }
    Double minutes = number(c.get("call_length"));
    return minutes == null ? 0 : (int) Math.max(0, Math.round(minutes * 60));
  }
}
