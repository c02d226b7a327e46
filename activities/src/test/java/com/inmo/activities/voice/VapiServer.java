package com.inmo.activities.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.testing.StubServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local VAPI speaking its wire format (docs/voice-providers.md): {@code POST /call} with
 * {@code Authorization: Bearer <key>} answers 201 with the queued call (401 with VAPI's body for another key);
 * {@code GET /call/{id}} answers the call as it stands, {@code ended} with its ended reason, artifact (transcript,
 * recording) and analysis (summary, structured data) once the test ends it.
 */
public final class VapiServer extends StubServer {

  /** The bodies of {@code POST /call}, in order. */
  public final List<JsonNode> created = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> calls = new ConcurrentHashMap<>();
  private final Deque<MockResponse> failures = new ArrayDeque<>();
  private final String apiKey;
  /** Called with the new call's id and the request body once a call is created. */
  public volatile BiConsumer<String, JsonNode> onCreate = (id, body) -> { };

  public VapiServer(String apiKey) {
    this.apiKey = apiKey;
  }

  /** The next {@code POST /call} is answered with this status and VAPI's error body for it. */
  public synchronized VapiServer failNext(int status, String message) {
    failures.add(json(status, "{\"message\":" + quote(message) + ",\"error\":\"" + (status >= 500 ? "Internal Server Error"
        : "Bad Request") + "\",\"statusCode\":" + status + "}"));
    return this;
  }

  public long getRequests() {
    return requests.stream().filter(r -> "GET".equals(r.getMethod())).count();
  }

  /** The call as VAPI reports it once it ended with {@code endedReason}; a conversation has its artifacts. */
  public void end(String callId, String endedReason) {
    ObjectNode call = calls.get(callId);
    boolean talked = endedReason.endsWith("ended-call") || endedReason.equals("exceeded-max-duration");
    call.put("status", "ended");
    call.put("endedReason", endedReason);
    call.put("startedAt", "2026-12-01T13:00:02.112Z");
    call.put("endedAt", talked ? "2026-12-01T13:01:37.513Z" : "2026-12-01T13:00:31.000Z");
    call.put("cost", 0.1123);
    ObjectNode artifact = call.putObject("artifact");
    artifact.putArray("messages");
    if (talked) {
      artifact.put("transcript", "AI: ¡Hola, Ana! Te habla Sofía, de Inmobiliaria Demo.\nUser: Hola, sí, dime.\n"
          + "AI: ¿Sigues buscando departamento en Ñuñoa?\nUser: Sí, de dos dormitorios, hasta 95 millones.\n");
      artifact.put("recordingUrl", "https://storage.vapi.ai/" + callId + "-mono.wav");
      ObjectNode analysis = call.putObject("analysis");
      analysis.put("summary", "Ana busca un departamento de 2 dormitorios en Ñuñoa, hasta $95.000.000.");
      analysis.putObject("structuredData").put("name", "Ana Rojas").put("zone", "Ñuñoa").put("bedrooms", 2)
          .put("budgetClp", 95_000_000L).put("dicom", "CLEAN").put("timeline", "3 meses");
      analysis.put("successEvaluation", "true");
    } else {
      call.putObject("analysis");
    }
  }

  public void status(String callId, String status) {
    calls.get(callId).put("status", status);
  }

  public JsonNode call(String callId) {
    return calls.get(callId);
  }

  @Override
  protected synchronized MockResponse answer(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath();
    if (!("Bearer " + apiKey).equals(request.getHeader("Authorization"))) {
      return json(401, "{\"message\":\"Invalid Key. Hot tip, you may be using the private key instead of the public "
          + "key, or vice versa.\",\"error\":\"Unauthorized\",\"statusCode\":401}");
    }
    try {
      if ("POST".equals(request.getMethod()) && path.equals("/call")) {
        MockResponse failure = failures.poll();
        if (failure != null) {
          return failure;
        }
        JsonNode body = InternalApiClient.JSON.readTree(request.getBody().readUtf8());
        created.add(body);
        String id = UUID.randomUUID().toString();
        ObjectNode call = InternalApiClient.JSON.createObjectNode();
        call.put("id", id);
        call.put("orgId", "5a1f4c1e-8e1b-4f57-9a7e-2d8a7a1c0b11");
        call.put("createdAt", Instant.now().toString());
        call.put("updatedAt", Instant.now().toString());
        call.put("type", "outboundPhoneCall");
        call.put("status", "queued");
        call.put("phoneCallProvider", "twilio");
        call.put("phoneCallTransport", "pstn");
        call.set("phoneNumberId", body.get("phoneNumberId"));
        call.set("customer", body.get("customer"));
        call.set("assistant", body.get("assistant"));
        calls.put(id, call);
        onCreate.accept(id, body);
        return json(201, call.toString());
      }
      if ("GET".equals(request.getMethod()) && path.startsWith("/call/")) {
        ObjectNode call = calls.get(path.substring("/call/".length()));
        return call == null ? json(404, "{\"message\":\"Call not found\",\"error\":\"Not Found\",\"statusCode\":404}")
            : json(200, call.toString());
      }
    } catch (IOException e) {
      return json(400, "{\"message\":\"bad json\",\"statusCode\":400}");
    }
    return json(404, "{\"message\":\"Cannot " + request.getMethod() + " " + path + "\",\"error\":\"Not Found\","
        + "\"statusCode\":404}");
  }

  private static String quote(String s) {
    try {
      return InternalApiClient.JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
