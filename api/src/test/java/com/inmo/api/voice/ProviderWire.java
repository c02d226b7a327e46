package com.inmo.api.voice;

import java.util.UUID;

/**
 * VAPI's and Bland's webhook bodies as they send them (docs/voice-providers.md): a VAPI server message with the
 * call, the transient assistant and its metadata; Bland's call object posted at the end of the call.
 */
final class ProviderWire {

  private ProviderWire() {
  }

  record Meta(String callWorkflowId, String leadWorkflowId, UUID leadId, String brokerSlug) {

    static Meta random(String brokerSlug) {
      String lead = "lead-" + brokerSlug + "-webchat-" + UUID.randomUUID();
      return new Meta(lead + "-call-1", lead, UUID.randomUUID(), brokerSlug);
    }

    String json() {
      return """
          {"callWorkflowId": "%s", "leadWorkflowId": "%s", "leadId": "%s", "brokerSlug": "%s", \
          "idempotencyKey": "%s-1"}""".formatted(callWorkflowId, leadWorkflowId, leadId, brokerSlug, leadId);
    }
  }

  private static String call(String callId, String status, Meta meta) {
    return """
        {
          "id": "%s",
          "orgId": "5a1f4c1e-8e1b-4f57-9a7e-2d8a7a1c0b11",
          "createdAt": "2026-12-01T13:00:00.004Z",
          "updatedAt": "2026-12-01T13:01:38.120Z",
          "type": "outboundPhoneCall",
          "status": "%s",
          "phoneCallProvider": "twilio",
          "phoneCallTransport": "pstn",
          "phoneNumberId": "2f0d6a43-2c9e-4a59-9a2a-5d0b8e1c7f10",
          "customer": {"number": "+56987654321"},
          "assistant": {
            "name": "Sofía – Inmobiliaria Demo",
            "firstMessage": "¡Hola! Te habla Sofía, de Inmobiliaria Demo.",
            "metadata": %s
          }
        }""".formatted(callId, status, meta.json());
  }

  static String endOfCallReport(String callId, String endedReason, Meta meta) {
    return """
        {
          "message": {
            "timestamp": 1796130098513,
            "type": "end-of-call-report",
            "analysis": {
              "summary": "Ana busca un departamento de 2 dormitorios en Ñuñoa y puede visitar el sábado.",
              "structuredData": {"name": "Ana Rojas", "zone": "Ñuñoa", "propertyType": "departamento",
                                 "bedrooms": 2, "budgetClp": 95000000, "dicom": "CLEAN", "timeline": "3 meses"},
              "successEvaluation": "true"
            },
            "artifact": {
              "messages": [
                {"role": "bot", "message": "¡Hola! Te habla Sofía, de Inmobiliaria Demo.", "time": 1796130002512},
                {"role": "user", "message": "Hola, sí, dime.", "time": 1796130006001}
              ],
              "transcript": "AI: ¡Hola! Te habla Sofía, de Inmobiliaria Demo.\\nUser: Hola, sí, dime.\\n",
              "recordingUrl": "https://storage.vapi.ai/%s-1796130098000-mono.wav",
              "stereoRecordingUrl": "https://storage.vapi.ai/%s-1796130098000-stereo.wav"
            },
            "startedAt": "2026-12-01T13:00:02.112Z",
            "endedAt": "2026-12-01T13:01:37.513Z",
            "endedReason": "%s",
            "cost": 0.1123,
            "durationMs": 95401,
            "durationSeconds": 95.401,
            "durationMinutes": 1.59,
            "call": %s,
            "customer": {"number": "+56987654321"}
          }
        }""".formatted(callId, callId, endedReason, call(callId, "ended", meta));
  }

  static String statusUpdate(String callId, String status, Meta meta) {
    return """
        {"message": {"timestamp": 1796130001000, "type": "status-update", "status": "%s", "call": %s}}"""
        .formatted(status, call(callId, status, meta));
  }

  static String otherMessage(String type, String callId, Meta meta) {
    return """
        {"message": {"timestamp": 1796130001000, "type": "%s", "call": %s}}""".formatted(type, call(callId,
        "in-progress", meta));
  }

  static String blandCall(String callId, String status, String answeredBy, boolean completed, Meta meta) {
    return """
        {
          "call_id": "%s",
          "c_id": "%s",
          "call_length": 1.6,
          "batch_id": null,
          "to": "+56987654321",
          "from": "+13305001234",
          "request_data": {"phone_number": "+56987654321", "wait": false, "language": "es"},
          "completed": %s,
          "created_at": "2026-12-01T13:00:00.025251+00:00",
          "started_at": "2026-12-01T13:00:03.000Z",
          "end_at": "2026-12-01T13:01:39.000Z",
          "inbound": false,
          "queue_status": "complete",
          "status": "%s",
          "answered_by": %s,
          "max_duration": 10,
          "error_message": null,
          "variables": {"now": "Tue Dec 01 2026 10:00:00 GMT-0300", "to": "+56987654321"},
          "record": true,
          "recording_url": "https://server.aws.dialpad.com/recordings/%s.mp3",
          "metadata": %s,
          "summary": "Ana confirmó la visita del sábado a las 11.",
          "concatenated_transcript": "assistant: Hola, habla Sofía. \\n user: Hola, sí. \\n",
          "transcripts": [{"id": 1, "created_at": "2026-12-01T13:00:05Z", "text": "Hola, habla Sofía.", "user": "assistant"}],
          "call_ended_by": "USER",
          "corrected_duration": "96",
          "price": 0.144
        }""".formatted(callId, callId, completed, status, answeredBy == null ? "null" : "\"" + answeredBy + "\"",
        callId, meta.json());
  }
}
