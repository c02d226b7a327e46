package com.inmo.api.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** The calls' read model: the worker records each call once, the dashboard lists them with filters. */
@ApiIntegrationTest
class CallsTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  EventBus bus;
  WebTestClient internal;
  TestData data;
  TestData.TestBroker broker;
  String admin;

  @BeforeEach
  void setUp() {
    internal = InternalApi.client(internalServer);
    data = new TestData(db, jwt);
    broker = data.broker();
    admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
  }

  private String lead(TestData.TestBroker b, String name) {
    String workflowId = LeadWorkflowIds.imported(b.slug(), UUID.randomUUID());
    internal.put().uri("/internal/v1/leads/" + LeadWorkflowIds.leadId(workflowId)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(b.slug(), workflowId, name, "+56987653000", "POTENTIAL", 60, "HOT"))
        .exchange().expectStatus().isNoContent();
    return workflowId;
  }

  /** The body the worker posts after a call. */
  static Map<String, Object> call(String brokerSlug, String workflowId, int attempt, String status, String startedAt) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("callWorkflowId", LeadWorkflowIds.call(workflowId, attempt));
    report.put("provider", "vapi");
    report.put("providerCallId", "vapi-" + attempt + "-" + workflowId.hashCode());
    report.put("status", status);
    report.put("endedReason", "customer-ended-call");
    report.put("durationSeconds", 95);
    report.put("transcript", "AI: Hola, soy Sofía…\nLead: Sí, me interesa.");
    report.put("summary", "Interesada en 2D en Ñuñoa, visita el sábado.");
    report.put("recordingUrl", "https://recordings.example/" + attempt + ".mp3");
    report.put("extracted", Map.of("zone", "Ñuñoa"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("leadId", LeadWorkflowIds.leadId(workflowId).toString());
    body.put("workflowId", workflowId);
    body.put("brokerSlug", brokerSlug);
    body.put("attempt", attempt);
    body.put("startedAt", startedAt);
    body.put("endedAt", startedAt.replace(":00Z", ":35Z"));
    body.put("report", report);
    return body;
  }

  private WebTestClient.ResponseSpec post(Map<String, Object> body) {
    return internal.post().uri("/internal/v1/calls").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCallIsRecordedOnceAndPublishedAsCallStatus() {
    String workflowId = lead(broker, "Ana");
    Map<String, Object> body = call(broker.slug(), workflowId, 1, "COMPLETED", "2026-11-20T15:00:00Z");
    var published = bus.events().filter(e -> workflowId.equals(e.workflowId()) && LiveEvent.CALL_STATUS.equals(e.type()))
        .take(1);
    final String[] id = new String[1];
    StepVerifier.create(published)
        .then(() -> id[0] = (String) post(body).expectStatus().isCreated().expectBody(Map.class).returnResult()
            .getResponseBody().get("id"))
        .assertNext(e -> {
          assertThat(e.brokerSlug()).isEqualTo(broker.slug());
          assertThat(e.data().path("status").asString()).isEqualTo("COMPLETED");
          assertThat(e.data().path("durationSeconds").asInt()).isEqualTo(95);
          assertThat(e.data().path("callWorkflowId").asString()).isEqualTo(workflowId + "-call-1");
        })
        .expectComplete()
        .verify(java.time.Duration.ofSeconds(10));

    // the activity's retry: same row, 200, nothing changes
    post(body).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id[0]).jsonPath("$.created").isEqualTo(false);
    Map<String, Object> changed = new HashMap<>(body);
    Map<String, Object> report = new HashMap<>((Map<String, Object>) body.get("report"));
    report.put("status", "FAILED");
    changed.put("report", report);
    post(changed).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id[0]).jsonPath("$.status")
        .isEqualTo("COMPLETED");
    assertThat(data.count("SELECT count(*) FROM calls WHERE lead_id = :l",
        Map.of("l", LeadWorkflowIds.leadId(workflowId)))).isEqualTo(1);

    http.get().uri("/api/v1/calls?leadId=" + LeadWorkflowIds.leadId(workflowId)).header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.total").isEqualTo(1)
        .jsonPath("$.items[0].id").isEqualTo(id[0])
        .jsonPath("$.items[0].providerCallId").isEqualTo("vapi-1-" + workflowId.hashCode())
        .jsonPath("$.items[0].provider").isEqualTo("vapi")
        .jsonPath("$.items[0].status").isEqualTo("COMPLETED")
        .jsonPath("$.items[0].endedReason").isEqualTo("customer-ended-call")
        .jsonPath("$.items[0].durationSeconds").isEqualTo(95)
        .jsonPath("$.items[0].summary").isEqualTo("Interesada en 2D en Ñuñoa, visita el sábado.")
        .jsonPath("$.items[0].transcript").isEqualTo("AI: Hola, soy Sofía…\nLead: Sí, me interesa.")
        .jsonPath("$.items[0].recordingUrl").isEqualTo("https://recordings.example/1.mp3")
        .jsonPath("$.items[0].leadName").isEqualTo("Ana")
        .jsonPath("$.items[0].attempt").isEqualTo(1)
        .jsonPath("$.items[0].startedAt").isEqualTo("2026-11-20T15:00:00Z")
        .jsonPath("$.items[0].endedAt").isEqualTo("2026-11-20T15:00:35Z");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anInProgressCallIsCompletedByItsFinalReport() {
    String workflowId = lead(broker, "Bruno");
    Map<String, Object> body = call(broker.slug(), workflowId, 2, "IN_PROGRESS", "2026-11-20T16:00:00Z");
    String id = (String) post(body).expectStatus().isCreated().expectBody(Map.class).returnResult()
        .getResponseBody().get("id");
    Map<String, Object> done = new HashMap<>(body);
    Map<String, Object> report = new HashMap<>((Map<String, Object>) body.get("report"));
    report.put("status", "NO_ANSWER");
    report.put("durationSeconds", 0);
    done.put("report", report);
    post(done).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.status")
        .isEqualTo("NO_ANSWER");
    assertThat(data.count("SELECT count(*) FROM calls WHERE id = :id AND status = 'NO_ANSWER' AND duration_seconds = 0",
        Map.of("id", UUID.fromString(id)))).isEqualTo(1);
  }

  @Test
  void aCallOfALeadWithoutItsRowIs409AndBadBodiesAre400() {
    String unknown = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    post(call(broker.slug(), unknown, 1, "COMPLETED", "2026-11-20T15:00:00Z")).expectStatus().isEqualTo(409);
    String workflowId = lead(broker, "Carla");
    TestData.TestBroker other = data.broker();
    post(call(other.slug(), workflowId, 1, "COMPLETED", "2026-11-20T15:00:00Z")).expectStatus().isEqualTo(409);
    Map<String, Object> noReport = new HashMap<>(call(broker.slug(), workflowId, 1, "COMPLETED", "2026-11-20T15:00:00Z"));
    noReport.remove("report");
    post(noReport).expectStatus().isBadRequest();
    Map<String, Object> badStatus = call(broker.slug(), workflowId, 1, "HUNG_UP", "2026-11-20T15:00:00Z");
    post(badStatus).expectStatus().isBadRequest();
    internal.mutate().defaultHeader(InternalTokenFilter.HEADER, "wrong").build().post().uri("/internal/v1/calls")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(call(broker.slug(), workflowId, 1, "COMPLETED",
            "2026-11-20T15:00:00Z")).exchange().expectStatus().isUnauthorized();
    assertThat(data.count("SELECT count(*) FROM calls WHERE broker_id = :b", Map.of("b", broker.id()))).isZero();
  }

  @SuppressWarnings("unchecked")
  private List<String> callIds(String token, String query) {
    Map<String, Object> page = http.get().uri("/api/v1/calls?" + query).header("Authorization", "Bearer " + token)
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    return ((List<Map<String, Object>>) page.get("items")).stream().map(m -> (String) m.get("callWorkflowId")).toList();
  }

  @Test
  void theListFiltersByLeadAgentStatusAndDateAndIsScoped() {
    UUID agent = data.user(broker, "AGENT");
    String ana = lead(broker, "Ana");
    String bruno = lead(broker, "Bruno");
    String foreign = lead(data.broker(), "Otra");
    data.assign(LeadWorkflowIds.leadId(bruno), agent);
    post(call(broker.slug(), ana, 1, "NO_ANSWER", "2026-11-20T10:00:00Z")).expectStatus().isCreated();
    post(call(broker.slug(), ana, 2, "COMPLETED", "2026-11-21T10:00:00Z")).expectStatus().isCreated();
    post(call(broker.slug(), bruno, 1, "VOICEMAIL", "2026-11-22T10:00:00Z")).expectStatus().isCreated();
    String foreignSlug = foreign.substring("lead-".length(), "lead-".length() + 10);
    post(call(foreignSlug, foreign, 1, "COMPLETED", "2026-11-21T10:00:00Z")).expectStatus().isCreated();

    assertThat(callIds(admin, "")).as("newest first, own broker only")
        .containsExactly(bruno + "-call-1", ana + "-call-2", ana + "-call-1");
    assertThat(callIds(admin, "leadId=" + LeadWorkflowIds.leadId(ana))).containsExactly(ana + "-call-2", ana + "-call-1");
    assertThat(callIds(admin, "agentId=" + agent)).containsExactly(bruno + "-call-1");
    assertThat(callIds(admin, "status=COMPLETED&status=no_answer")).containsExactly(ana + "-call-2", ana + "-call-1");
    assertThat(callIds(admin, "from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z")).containsExactly(ana + "-call-2");
    assertThat(callIds(admin, "limit=1&offset=1")).containsExactly(ana + "-call-2");
    assertThat(callIds(data.token(agent, "AGENT", broker.id()), "")).containsExactly(bruno + "-call-1");

    http.get().uri("/api/v1/calls?status=HUNG_UP").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("HUNG_UP"));
    http.get().uri("/api/v1/calls?leadId=" + LeadWorkflowIds.leadId(foreign)).header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isNotFound();
    http.get().uri("/api/v1/calls").exchange().expectStatus().isUnauthorized();
  }
}
