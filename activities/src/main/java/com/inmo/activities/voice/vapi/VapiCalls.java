package com.inmo.activities.voice.vapi;

import static com.inmo.activities.voice.ProviderJson.fields;
import static com.inmo.activities.voice.ProviderJson.instant;
import static com.inmo.activities.voice.ProviderJson.number;
import static com.inmo.activities.voice.ProviderJson.seconds;
import static com.inmo.activities.voice.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.voice.CallBriefing;
import com.inmo.activities.voice.VoiceProfile;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.ProviderOutcomes;
import com.inmo.workflows.call.StructuredFields;
import com.inmo.workflows.lead.QualificationFields;
import java.util.List;

/**
 * VAPI's wire format (docs/voice-providers.md): the {@code POST /call} body with a transient assistant, and the
 * call object {@code GET /call/{id}} answers read into a {@link CallReport}.
 */
final class VapiCalls {

  static final List<String> SERVER_MESSAGES = List.of("end-of-call-report", "status-update");
  /** VAPI limits an assistant's name to 40 characters. */
  static final int NAME_LIMIT = 40;

  private VapiCalls() {
  }

  /** The body of {@code POST /call}: from our number to the lead's, with the whole assistant inline. */
  static ObjectNode createCall(VapiSettings s, StartCallRequest call, String e164, VoiceProfile profile) {
    ObjectNode body = InternalApiClient.JSON.createObjectNode();
    body.put("phoneNumberId", s.phoneNumberId());
    ObjectNode customer = body.putObject("customer");
    customer.put("number", e164);
    QualificationFields f = call.fields() == null ? QualificationFields.EMPTY : call.fields();
    if (f.name() != null && !f.name().isBlank()) {
      customer.put("name", f.name().trim());
    }

    ObjectNode assistant = body.putObject("assistant");
    String name = CallBriefing.assistantName(call, profile);
    assistant.put("name", name.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT) : name);
    assistant.put("firstMessage", CallBriefing.firstMessage(call, profile));
    assistant.put("firstMessageMode", "assistant-speaks-first");
    ObjectNode model = assistant.putObject("model");
    model.put("provider", s.modelProvider());
    model.put("model", s.model());
    model.put("temperature", 0.4);
    model.putArray("messages").addObject().put("role", "system").put("content",
        CallBriefing.instructions(call, profile));
    assistant.putObject("voice").put("provider", s.voiceProvider()).put("voiceId", s.voiceId());
    assistant.putObject("transcriber").put("provider", "deepgram").put("model", "nova-2")
        .put("language", s.transcriberLanguage());
    assistant.put("maxDurationSeconds", s.maxDurationSeconds());
    if (!s.serverUrl().isEmpty()) {
      ObjectNode server = assistant.putObject("server");
      server.put("url", s.serverUrl());
      if (!s.webhookSecret().isEmpty()) {
        // VAPI sends these headers with every server message: the api's webhook checks X-Vapi-Secret
        server.putObject("headers").put("X-Vapi-Secret", s.webhookSecret());
      }
      ArrayNode messages = assistant.putArray("serverMessages");
      SERVER_MESSAGES.forEach(messages::add);
    }
    ObjectNode analysis = assistant.putObject("analysisPlan");
    ObjectNode summary = analysis.putObject("summaryPlan");
    summary.put("enabled", true);
    ArrayNode summaryMessages = summary.putArray("messages");
    summaryMessages.addObject().put("role", "system").put("content", "Eres un asistente de una corredora de "
        + "propiedades. Resume la llamada en español, en dos o tres frases: qué busca el cliente, qué se acordó y el "
        + "próximo paso.");
    summaryMessages.addObject().put("role", "user").put("content",
        "Transcripción:\n\n{{transcript}}\n\nMotivo de término: {{endedReason}}");
    ObjectNode structured = analysis.putObject("structuredDataPlan");
    structured.put("enabled", true);
    structured.set("schema", schema());
    ObjectNode metadata = assistant.putObject("metadata");
    metadata.put("callWorkflowId", call.callWorkflowId());
    metadata.put("leadWorkflowId", call.leadWorkflowId());
    metadata.put("leadId", call.leadId() == null ? null : call.leadId().toString());
    metadata.put("brokerSlug", call.brokerSlug());
    metadata.put("idempotencyKey", call.idempotencyKey());
    metadata.put("purpose", call.purpose());
    return body;
  }

  /** The JSON schema of the qualification fields VAPI extracts after the call. */
  static ObjectNode schema() {
    ObjectNode schema = InternalApiClient.JSON.createObjectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    StructuredFields.SCHEMA_PROPERTIES.forEach((field, typeAndDescription) -> properties.putObject(field)
        .put("type", typeAndDescription.get(0)).put("description", typeAndDescription.get(1)));
    return schema;
  }

  /** A VAPI call object (GET /call/{id}) as the call workflow takes it; IN_PROGRESS while it has not ended. */
  static CallReport report(String callWorkflowId, JsonNode call) {
    String endedReason = text(call.get("endedReason"));
    JsonNode artifact = call.path("artifact");
    JsonNode analysis = call.path("analysis");
    Double duration = number(call.get("durationSeconds"));
    int seconds = duration != null ? (int) Math.round(duration)
        : seconds(instant(call.get("startedAt")), instant(call.get("endedAt")));
    return new CallReport(callWorkflowId, "vapi", text(call.get("id")),
        ProviderOutcomes.vapi(text(call.get("status")), endedReason), endedReason, Math.max(0, seconds),
        text(artifact.get("transcript"), call.get("transcript")),
        text(analysis.get("summary"), call.get("summary")),
        text(artifact.get("recordingUrl"), artifact.path("recording").path("mono").get("combinedUrl"),
            artifact.path("recording").get("url"), call.get("recordingUrl")),
        fields(analysis.get("structuredData")));
  }
}
