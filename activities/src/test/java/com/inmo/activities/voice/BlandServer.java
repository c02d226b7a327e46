package com.inmo.activities.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.testing.StubServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local Bland speaking its wire format (docs/voice-providers.md): {@code POST /v1/calls} with the key in the
 * {@code authorization} header answers {@code {"status":"success","call_id"}}; {@code GET /v1/calls/{id}} answers
 * the call object (the one its webhook posts), completed once the test ends it.
 */
public final class BlandServer extends StubServer {

  public final List<JsonNode> created = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> calls = new ConcurrentHashMap<>();
  private final String apiKey;
  public volatile BiConsumer<String, JsonNode> onCreate = (id, body) -> { };

  public BlandServer(String apiKey) {
    this.apiKey = apiKey;
  }

  /** The call as Bland reports it once ended: {@code status}, {@code answered_by}, and a conversation if human. */
  public void end(String callId, String status, String answeredBy) {
    ObjectNode c = calls.get(callId);
    boolean talked = "completed".equals(status) && "human".equals(answeredBy);
    c.put("completed", true);
    c.put("status", status);
    c.put("queue_status", "complete");
    if (answeredBy == null) {
      c.putNull("answered_by");
    } else {
      c.put("answered_by", answeredBy);
    }
    c.put("call_length", talked ? 1.6 : 0.4);
    c.put("corrected_duration", talked ? "96" : "24");
    c.put("started_at", "2026-12-01T13:00:03.000Z");
    c.put("end_at", talked ? "2026-12-01T13:01:39.000Z" : "2026-12-01T13:00:27.000Z");
    c.put("call_ended_by", talked ? "USER" : "ASSISTANT");
    if (talked) {
      c.put("concatenated_transcript", "assistant: ¡Hola, Ana! Te habla Sofía. \n user: Hola, sí, dime. \n");
      c.put("summary", "Ana confirmó la visita del sábado a las 11.");
      c.put("recording_url", "https://server.aws.dialpad.com/recordings/" + callId + ".mp3");
    }
    if ("failed".equals(status)) {
      c.put("error_message", "Twilio could not connect the call");
    }
  }

  @Override
  protected synchronized MockResponse answer(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath();
    if (!apiKey.equals(request.getHeader("authorization"))) {
      return json(401, "{\"status\":\"error\",\"message\":\"Invalid API key\"}");
    }
    try {
      if ("POST".equals(request.getMethod()) && path.equals("/v1/calls")) {
        JsonNode body = InternalApiClient.JSON.readTree(request.getBody().readUtf8());
        created.add(body);
        String id = UUID.randomUUID().toString();
        ObjectNode c = InternalApiClient.JSON.createObjectNode();
        c.put("call_id", id);
        c.put("c_id", id);
        c.set("to", body.get("phone_number"));
        c.put("from", "+13305001234");
        c.set("request_data", body);
        c.put("completed", false);
        c.put("queue_status", "queued");
        c.put("status", "queued");
        c.putNull("answered_by");
        c.set("metadata", body.get("metadata"));
        c.put("record", true);
        c.putNull("error_message");
        calls.put(id, c);
        onCreate.accept(id, body);
        return json(200, "{\"status\":\"success\",\"message\":\"Call successfully queued.\",\"call_id\":\"" + id
            + "\",\"batch_id\":null}");
      }
      if ("GET".equals(request.getMethod()) && path.startsWith("/v1/calls/")) {
        ObjectNode c = calls.get(path.substring("/v1/calls/".length()));
        return c == null ? json(404, "{\"status\":\"error\",\"message\":\"Call not found\"}") : json(200, c.toString());
      }
    } catch (IOException e) {
      return json(400, "{\"status\":\"error\",\"message\":\"bad json\"}");
    }
    return json(404, "{\"status\":\"error\",\"message\":\"Not found\"}");
  }
}
