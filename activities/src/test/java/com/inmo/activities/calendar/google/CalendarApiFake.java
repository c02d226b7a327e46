package com.inmo.activities.calendar.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.testing.StubServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The api's internal endpoints the Google calendar uses, answered as the api does (docs/internal-api.md): the
 * local calendar's slots and bookings (first booking of a slot 201, the same id again 200, another id 409
 * taken), the broker's Google connection (which turns "disconnected" when told so), and the appointments'
 * calendar-event records. The api's own tests cover its side; here it stands still for the adapter.
 */
final class CalendarApiFake extends StubServer {

  volatile List<Instant> slots = List.of();
  final Map<Instant, UUID> booked = new ConcurrentHashMap<>();
  final Map<UUID, JsonNode> calendarEvents = new ConcurrentHashMap<>();
  final List<JsonNode> disconnections = new CopyOnWriteArrayList<>();
  /** The connection the api answers (null: 404); its "status" turns "disconnected" when the worker says so. */
  volatile ObjectNode connection;

  InternalApiClient client() {
    return new InternalApiClient(server.url("/").toString(), "test-token");
  }

  /** An OAuth connection of the broker. */
  ObjectNode connect(UUID connectionId, String refreshToken, String calendarId, boolean meet) {
    ObjectNode c = InternalApiClient.JSON.createObjectNode();
    c.put("connectionId", connectionId.toString());
    c.put("source", "oauth");
    c.put("status", "connected");
    c.put("refreshToken", refreshToken);
    c.put("calendarId", calendarId);
    c.put("meet", meet);
    connection = c;
    return c;
  }

  @Override
  protected MockResponse answer(RecordedRequest request) throws IOException {
    String path = request.getPath();
    String method = request.getMethod();
    if (method.equals("GET") && path.matches("/internal/v1/brokers/[^/]+/slots\\?.*")) {
      int limit = Integer.parseInt(path.replaceAll(".*[?&]limit=(\\d+).*", "$1"));
      List<String> free = slots.stream().filter(s -> !booked.containsKey(s)).limit(limit).map(Instant::toString).toList();
      return json(200, InternalApiClient.JSON.writeValueAsString(Map.of("slots", free, "durationMinutes", 60)));
    }
    if (method.equals("POST") && path.equals("/internal/v1/appointments")) {
      JsonNode r = InternalApiClient.JSON.readTree(request.getBody().clone().readUtf8());
      UUID id = UUID.fromString(r.path("appointmentId").asText());
      Instant start = Instant.parse(r.path("slotStart").asText());
      if (!slots.contains(start)) {
        return json(422, result(false, id, start, "unavailable"));
      }
      UUID holder = booked.putIfAbsent(start, id); // the unique index: one winner per slot
      if (holder == null) {
        return json(201, result(true, id, start, null));
      }
      return holder.equals(id) ? json(200, result(true, id, start, null)) : json(409, result(false, id, start, "taken"));
    }
    if (method.equals("POST") && path.matches("/internal/v1/appointments/[^/]+/cancel")) {
      UUID id = UUID.fromString(path.split("/")[4]);
      boolean known = booked.values().remove(id) || calendarEvents.containsKey(id);
      return json(200, "{\"appointmentId\":\"" + id + "\",\"cancelled\":" + known + "}");
    }
    if (method.equals("GET") && path.matches("/internal/v1/brokers/[^/]+/calendar/google(\\?.*)?")) {
      ObjectNode c = connection;
      return c == null ? json(404, "{\"status\":404,\"detail\":\"no calendar\"}") : json(200, c.toString());
    }
    if (method.equals("POST") && path.matches("/internal/v1/brokers/[^/]+/calendar/google/disconnected")) {
      JsonNode body = InternalApiClient.JSON.readTree(request.getBody().clone().readUtf8());
      disconnections.add(body);
      ObjectNode c = connection;
      if (body.path("connectionId").isNull() || body.path("connectionId").isMissingNode()) {
        ObjectNode env = InternalApiClient.JSON.createObjectNode();
        env.put("source", "environment");
        env.put("status", "disconnected");
        env.put("envFingerprint", body.path("envFingerprint").asText());
        env.put("calendarId", body.path("calendarId").asText());
        env.put("meet", false);
        connection = env;
      } else if (c != null) {
        c.put("status", "disconnected");
        c.remove("refreshToken");
      }
      return new MockResponse().setResponseCode(204);
    }
    if (method.equals("PUT") && path.matches("/internal/v1/appointments/[^/]+/calendar-event")) {
      calendarEvents.put(UUID.fromString(path.split("/")[4]), InternalApiClient.JSON.readTree(request.getBody().clone().readUtf8()));
      return new MockResponse().setResponseCode(204);
    }
    return json(404, "{}");
  }

  private static String result(boolean booked, UUID id, Instant start, String reason) throws IOException {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("booked", booked);
    m.put("appointmentId", id.toString());
    m.put("slotStart", start.toString());
    m.put("slotEnd", booked ? start.plus(Duration.ofHours(1)).toString() : null);
    m.put("reason", reason);
    return InternalApiClient.JSON.writeValueAsString(m);
  }
}
