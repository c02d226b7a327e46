package com.inmo.activities.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.api.InternalApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The api's voice endpoints with their semantics (docs/internal-api.md): the broker's voice profile, and call
 * reservations with a per-broker cap, idempotent by key, remembering the placed call. (The real ones are tested
 * against the real Redis in the api.) Checks the internal token.
 */
public final class VoiceApiFake implements AutoCloseable {

  public static final String TOKEN = "voice-internal-token";
  private static final Pattern PROFILE = Pattern.compile("^/internal/v1/brokers/([^/]+)/voice$");
  private static final Pattern PLACED = Pattern.compile("^/internal/v1/calls/reservations/([^/]+)$");

  public final MockWebServer server = new MockWebServer();
  public final List<String> requests = new CopyOnWriteArrayList<>();
  /** The broker's region ({@code CL} unless set) and how many calls it may place in all. */
  public volatile String region = "CL";
  public volatile int brokerCap = 100;
  private final Map<String, String> reservations = new HashMap<>();
  private final Set<String> knownBrokers = new HashSet<>(Set.of("demo"));

  public VoiceApiFake() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public InternalApiClient client() {
    return new InternalApiClient(server.url("/").toString(), TOKEN);
  }

  public CallBudget budget() {
    return new CallBudget(client());
  }

  public synchronized int reservationCount() {
    return reservations.size();
  }

  public synchronized String placedCall(String idempotencyKey) {
    return reservations.get(idempotencyKey);
  }

  public long requestsTo(String methodAndPathPrefix) {
    return requests.stream().filter(r -> r.startsWith(methodAndPathPrefix)).count();
  }

  private synchronized MockResponse answer(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath();
    requests.add(request.getMethod() + " " + path);
    if (!TOKEN.equals(request.getHeader("X-Internal-Token"))) {
      return json(401, "{\"detail\":\"bad internal token\"}");
    }
    try {
      Matcher m;
      if ("GET".equals(request.getMethod()) && (m = PROFILE.matcher(path)).matches()) {
        String slug = m.group(1);
        if (!knownBrokers.contains(slug)) {
          return json(404, "{\"detail\":\"Unknown broker '" + slug + "'\"}");
        }
        return json(200, """
            {"brokerSlug": "%s", "brokerName": "Inmobiliaria Demo", "personaName": "Sofía",
             "personaTone": "cercano y profesional", "zones": ["Providencia", "Ñuñoa"],
             "timeZone": "America/Santiago", "region": "%s", "language": "es"}""".formatted(slug, region));
      }
      if ("POST".equals(request.getMethod()) && path.equals("/internal/v1/calls/reservations")) {
        JsonNode body = InternalApiClient.JSON.readTree(request.getBody().readUtf8());
        String key = body.path("idempotencyKey").asText();
        if (reservations.containsKey(key)) {
          String placed = reservations.get(key);
          return json(200, "{\"granted\":true,\"idempotencyKey\":\"" + key + "\",\"providerCallId\":"
              + (placed.isEmpty() ? "null" : "\"" + placed + "\"") + "}");
        }
        if (reservations.size() >= brokerCap) {
          return json(429, "{\"granted\":false,\"idempotencyKey\":\"" + key + "\",\"reason\":\"broker-hourly-cap\","
              + "\"detail\":\"broker demo placed " + reservations.size() + " calls in the last hour "
              + "(callsPerBrokerPerHour " + brokerCap + ")\"}");
        }
        reservations.put(key, "");
        return json(200, "{\"granted\":true,\"idempotencyKey\":\"" + key + "\",\"providerCallId\":null}");
      }
      if ("PUT".equals(request.getMethod()) && (m = PLACED.matcher(path)).matches()) {
        String key = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        if (!reservations.containsKey(key)) {
          return json(404, "{\"detail\":\"No call reservation\"}");
        }
        reservations.put(key, InternalApiClient.JSON.readTree(request.getBody().readUtf8()).path("providerCallId")
            .asText());
        return new MockResponse().setResponseCode(204);
      }
    } catch (IOException e) {
      return json(400, "{\"detail\":\"bad json\"}");
    }
    return json(404, "{\"detail\":\"no such endpoint\"}");
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
