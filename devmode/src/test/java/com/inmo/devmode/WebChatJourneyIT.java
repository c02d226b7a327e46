package com.inmo.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lead's whole journey through the running system (./inmo dev: real api, worker, Temporal, PostgreSQL,
 * Redis, offline agent): web chat from "hola" to a booked visit, the agent's replies arriving on the SSE
 * stream, and the read model showing the lead SCHEDULED with its appointment.
 */
class WebChatJourneyIT {

  static LauncherProcess dev;
  static String base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  @BeforeAll
  static void startDevMode() throws Exception {
    int port = LauncherProcess.freePort();
    int temporal = LauncherProcess.freePort();
    dev = LauncherProcess.start("journey-dev.log", env -> {
      env.put("INMO_SKIP_BUILD", "1");
      env.put("PORT", Integer.toString(port));
      env.put("INMO_DEV_TEMPORAL_PORT", Integer.toString(temporal));
    }, "bash", "./inmo", "dev");
    dev.awaitLine(DevModeProcess.UP, Duration.ofSeconds(120));
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() throws Exception {
    dev.interrupt();
    if (!dev.process.waitFor(60, TimeUnit.SECONDS)) {
      dev.process.descendants().forEach(ProcessHandle::destroyForcibly);
      dev.process.destroyForcibly();
    }
  }

  @Test
  void fromHolaToABookedVisit() throws Exception {
    String session = json(post("/api/v1/webchat/demo/sessions", "{}", null, 201), "sessionId");
    List<String> streamed = new CopyOnWriteArrayList<>();
    Thread reader = streamReplies(session, streamed);

    send(session, "hola");
    awaitReplies(streamed, 1);
    assertThat(streamed.get(0)).contains("Sofía");
    send(session, "Me llamo Pedro Soto, busco un departamento de 2 dormitorios en Providencia");
    awaitReplies(streamed, 2);
    send(session, "Mi presupuesto es de 4.000 UF y mi teléfono es +56 9 7777 6666");
    awaitReplies(streamed, 3);
    send(session, "Gano 3 millones al mes y no estoy en DICOM");
    awaitReplies(streamed, 4);
    send(session, "Quiero agendar una visita");
    awaitReplies(streamed, 5);
    send(session, "La primera");
    awaitReplies(streamed, 6);
    reader.interrupt();

    String token = json(post("/auth/login", "{\"email\":\"admin@demo.inmo.cl\",\"password\":\"Demo#2026\"}", null, 200),
        "access_token");
    String leads = awaitBody("/api/v1/leads?search=Pedro", token, "SCHEDULED");
    assertThat(leads).contains("Pedro Soto").contains("SCHEDULED");
    String appointments = get("/api/v1/appointments", token).body();
    assertThat(appointments).contains("BOOKED");
    HttpResponse<String> history = get("/api/v1/webchat/demo/sessions/" + session + "/messages", null);
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body()).contains("La primera").contains("Pedro");
  }

  @Test
  void anAgentTakesOverWritesAndHandsBackWhileTheAiStaysSilent() throws Exception {
    String session = json(post("/api/v1/webchat/demo/sessions", "{}", null, 201), "sessionId");
    List<String> streamed = new CopyOnWriteArrayList<>();
    Thread reader = streamReplies(session, streamed);
    send(session, "hola, soy Rita Lagos y busco casa en Ñuñoa");
    awaitReplies(streamed, 1);
    String admin = login("admin@demo.inmo.cl");
    String leadId = json(awaitResponse("/api/v1/leads?search=Rita", admin, "Rita Lagos"), "id");

    HttpResponse<String> taken = post("/api/v1/leads/" + leadId + "/takeover", "{}", admin, 200);
    assertThat(taken.body()).contains("\"humanMode\":true");
    post("/api/v1/leads/" + leadId + "/messages", "{\"text\":\"Hola Rita, soy Administradora Demo\"}", admin, 200);
    awaitReplies(streamed, 2);
    assertThat(streamed.get(1)).contains("HUMAN").contains("soy Administradora Demo");
    send(session, "¿sigues ahí?");
    // the AI stays silent in human mode: still two replies a while later
    org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(3)).atMost(java.time.Duration.ofSeconds(8))
        .until(() -> streamed.size() == 2);

    HttpResponse<String> released = post("/api/v1/leads/" + leadId + "/release", "{\"note\":\"ya respondí\"}", admin, 200);
    assertThat(released.body()).contains("\"humanMode\":false");
    reader.interrupt();
  }

  @Test
  void theWorkflowsRefusalsComeBackWithTheirReasonAndScopingHolds() throws Exception {
    String session = json(post("/api/v1/webchat/demo/sessions", "{}", null, 201), "sessionId");
    send(session, "hola, soy Tomás Ibarra");
    String admin = login("admin@demo.inmo.cl");
    String leadId = json(awaitResponse("/api/v1/leads?search=Ibarra", admin, "Tomás Ibarra"), "id");

    assertThat(post("/api/v1/leads/" + leadId + "/retry", "{}", admin, 409).body()).contains("no step has failed");
    assertThat(post("/api/v1/leads/" + leadId + "/stage", "{\"stage\":\"WON\"}", admin, 409).body())
        .contains("needs a reason");
    post("/api/v1/leads/" + leadId + "/stage", "{\"stage\":\"SOLD\"}", admin, 400);
    assertThat(post("/api/v1/leads/" + leadId + "/call", "{}", admin, 409).body()).contains("no phone number");
    post("/api/v1/leads/" + UUID.randomUUID() + "/takeover", "{}", admin, 404);

    String agent = login("agente@demo.inmo.cl");
    assertThat(get("/api/v1/leads/" + leadId, agent).statusCode()).as("not assigned to this agent").isEqualTo(404);
    // a lead the agent cannot see does not exist for them (404, never 403)
    post("/api/v1/leads/" + leadId + "/assign", "{\"agentId\":\"" + me(agent) + "\"}", agent, 404);
    post("/api/v1/leads/" + leadId + "/assign", "{\"agentId\":\"" + me(agent) + "\"}", admin, 200);
    assertThat(get("/api/v1/leads/" + leadId, agent).statusCode()).isEqualTo(200);
    post("/api/v1/leads/" + leadId + "/assign", "{\"agentId\":\"" + me(agent) + "\"}", agent, 403);

    post("/api/v1/leads/" + leadId + "/opt-out", "{}", agent, 202);
    String optedOut = awaitResponse("/api/v1/leads/" + leadId, admin, "\"optedOut\":true").body();
    assertThat(optedOut).contains("\"stage\":\"LOST\"");
  }

  private String login(String email) throws Exception {
    return json(post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Demo#2026\"}", null, 200),
        "access_token");
  }

  private String me(String token) throws Exception {
    return json(get("/auth/me", token), "id");
  }

  private HttpResponse<String> awaitResponse(String path, String token, String expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    HttpResponse<String> response = get(path, token);
    while (!response.body().contains(expected) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      response = get(path, token);
    }
    assertThat(response.body()).contains(expected);
    return response;
  }

  private void send(String session, String text) throws Exception {
    post("/api/v1/webchat/demo/messages", "{\"sessionId\":\"" + session + "\",\"text\":\"" + text + "\"}", null, 202);
  }

  /** Reads the session's SSE stream, keeping the agent's replies (outbound messages) as they come. */
  private Thread streamReplies(String session, List<String> replies) throws Exception {
    HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(
            URI.create(base + "/api/v1/webchat/demo/sessions/" + session + "/stream"))
        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("data:") && line.contains("OUTBOUND") && !line.contains("\"SYSTEM\"")) {
            replies.add(line);
          }
        }
      } catch (Exception ignored) {
        // the stream closes when the test ends
      }
    });
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  private static void awaitReplies(List<String> replies, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (replies.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(replies).as("replies on the stream").hasSizeGreaterThanOrEqualTo(count);
  }

  private String awaitBody(String path, String token, String expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = get(path, token).body();
      if (body.contains(expected)) {
        return body;
      }
      Thread.sleep(100);
    }
    return body;
  }

  private HttpResponse<String> post(String path, String body, String token, int expectedStatus) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(expectedStatus);
    return response;
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String json(HttpResponse<String> response, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    assertThat(m.find()).as(field + " in " + response.body()).isTrue();
    return m.group(1);
  }
}
