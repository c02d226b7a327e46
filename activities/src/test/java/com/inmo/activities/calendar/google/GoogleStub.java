package com.inmo.activities.calendar.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.testing.StubServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local Google: the OAuth token endpoint ({@code POST /token}, {@code grant_type=refresh_token}) and the
 * Calendar API v3 under {@code /calendar/v3/} (freeBusy, events insert/get/delete), answering in Google's
 * own JSON, error bodies included. It keeps the events it was given, so a second insert of an id is a 409.
 */
final class GoogleStub extends StubServer {

  static final String SCOPE = "https://www.googleapis.com/auth/calendar";
  private static final Pattern EVENTS = Pattern.compile("^/calendar/v3/calendars/([^/]+)/events(?:/([^/?]+))?(?:\\?.*)?$");

  final Map<String, ObjectNode> events = new ConcurrentHashMap<>();
  final Map<String, String> deleted = new ConcurrentHashMap<>();
  final List<String[]> busy = new CopyOnWriteArrayList<>();
  final AtomicInteger tokensIssued = new AtomicInteger();
  volatile boolean revoked;
  volatile int calendarStatus; // non-zero: every Calendar API call answers it
  volatile String freeBusyCalendarError;

  String rootUrl() {
    return server.url("/").toString();
  }

  String tokenUrl() {
    return server.url("/token").toString();
  }

  void busy(Instant start, Instant end) {
    busy.add(new String[] {start.toString(), end.toString()});
  }

  @Override
  protected MockResponse answer(RecordedRequest request) throws IOException {
    String path = request.getPath();
    if (path.equals("/token")) {
      return token(request);
    }
    String auth = request.getHeader("Authorization");
    if (calendarStatus == 401 || auth == null || !auth.startsWith("Bearer ya29.stub-")) {
      return json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials. "
          + "Expected OAuth 2 access token, login cookie or other valid authentication credential.\",\"errors\":"
          + "[{\"message\":\"Invalid Credentials\",\"domain\":\"global\",\"reason\":\"authError\",\"location\":"
          + "\"Authorization\",\"locationType\":\"header\"}],\"status\":\"UNAUTHENTICATED\"}}");
    }
    if (calendarStatus != 0) {
      return json(calendarStatus, "{\"error\":{\"code\":" + calendarStatus + ",\"message\":\"Backend Error\","
          + "\"errors\":[{\"domain\":\"global\",\"reason\":\"backendError\",\"message\":\"Backend Error\"}]}}");
    }
    if (path.startsWith("/calendar/v3/freeBusy") && request.getMethod().equals("POST")) {
      return freeBusy(request);
    }
    Matcher m = EVENTS.matcher(path);
    if (m.matches()) {
      String calendarId = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      String eventId = m.group(2);
      if (request.getMethod().equals("POST") && eventId == null) {
        return insert(request, calendarId);
      }
      if (request.getMethod().equals("GET") && eventId != null) {
        ObjectNode event = events.get(calendarId + "/" + eventId);
        return event == null ? notFound() : json(200, event.toString());
      }
      if (request.getMethod().equals("DELETE") && eventId != null) {
        if (events.remove(calendarId + "/" + eventId) != null) {
          deleted.put(calendarId + "/" + eventId, "");
          return new MockResponse().setResponseCode(204);
        }
        return deleted.containsKey(calendarId + "/" + eventId)
            ? json(410, "{\"error\":{\"errors\":[{\"domain\":\"global\",\"reason\":\"deleted\",\"message\":"
                + "\"Resource has been deleted\"}],\"code\":410,\"message\":\"Resource has been deleted\"}}")
            : notFound();
      }
    }
    return notFound();
  }

  private MockResponse token(RecordedRequest request) {
    String form = body(request);
    if (!form.contains("grant_type=refresh_token") || !form.contains("refresh_token=")) {
      return json(400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type\"}");
    }
    if (revoked) {
      return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
    }
    return json(200, "{\"access_token\":\"ya29.stub-" + tokensIssued.incrementAndGet() + "\",\"expires_in\":3599,"
        + "\"scope\":\"" + SCOPE + "\",\"token_type\":\"Bearer\"}");
  }

  private MockResponse freeBusy(RecordedRequest request) throws IOException {
    JsonNode body = InternalApiClient.JSON.readTree(body(request));
    ObjectNode response = InternalApiClient.JSON.createObjectNode();
    response.put("kind", "calendar#freeBusy");
    response.put("timeMin", body.path("timeMin").asText());
    response.put("timeMax", body.path("timeMax").asText());
    ObjectNode calendars = response.putObject("calendars");
    for (JsonNode item : body.path("items")) {
      ObjectNode calendar = calendars.putObject(item.path("id").asText());
      if (freeBusyCalendarError != null) {
        calendar.putArray("errors").addObject().put("domain", "global").put("reason", freeBusyCalendarError);
        calendar.putArray("busy");
        continue;
      }
      ArrayNode periods = calendar.putArray("busy");
      Instant min = Instant.parse(body.path("timeMin").asText());
      Instant max = Instant.parse(body.path("timeMax").asText());
      for (String[] b : busy) {
        if (Instant.parse(b[0]).isBefore(max) && Instant.parse(b[1]).isAfter(min)) {
          periods.addObject().put("start", b[0]).put("end", b[1]);
        }
      }
    }
    return json(200, response.toString());
  }

  private synchronized MockResponse insert(RecordedRequest request, String calendarId) throws IOException {
    ObjectNode event = (ObjectNode) InternalApiClient.JSON.readTree(body(request));
    String id = event.path("id").asText();
    if (events.containsKey(calendarId + "/" + id) || deleted.containsKey(calendarId + "/" + id)) {
      return json(409, "{\"error\":{\"errors\":[{\"domain\":\"global\",\"reason\":\"duplicate\",\"message\":"
          + "\"The requested identifier already exists.\"}],\"code\":409,\"message\":"
          + "\"The requested identifier already exists.\"}}");
    }
    event.put("kind", "calendar#event");
    event.put("status", "confirmed");
    event.put("htmlLink", "https://www.google.com/calendar/event?eid=" + id);
    if (event.has("conferenceData") && request.getPath().contains("conferenceDataVersion=1")) {
      String meet = "https://meet.google.com/abc-" + id.substring(0, 4) + "-xyz";
      event.put("hangoutLink", meet);
      ObjectNode conference = (ObjectNode) event.get("conferenceData");
      conference.putObject("conferenceSolution").putObject("key").put("type", "hangoutsMeet");
      conference.putArray("entryPoints").addObject().put("entryPointType", "video").put("uri", meet);
    }
    events.put(calendarId + "/" + id, event);
    return json(200, event.toString());
  }

  /** The request body as sent: Google's client gzips JSON bodies ({@code Content-Encoding: gzip}). */
  static String body(RecordedRequest request) {
    okio.Buffer copy = request.getBody().clone();
    if ("gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))) {
      try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(copy.inputStream())) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return copy.readUtf8();
  }

  private static MockResponse notFound() {
    return json(404, "{\"error\":{\"errors\":[{\"domain\":\"global\",\"reason\":\"notFound\",\"message\":\"Not Found\"}],"
        + "\"code\":404,\"message\":\"Not Found\"}}");
  }
}
