package com.inmo.api.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.gateway.FakeLeadGateway;
import com.inmo.api.support.FakeGatewayApiTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * Every lead, appointment, call, task, pipeline and event endpoint under {@code /api/v1}, tried by an admin with
 * another broker's lead and by an agent with a colleague's lead: 404 (never 403, which would confirm the
 * lead exists), and nothing changes — not the row, its messages, moves, visits, calls or tasks, nor its workflow,
 * which would accept every action (a scoping slip would answer 200) and records what it is sent.
 */
@FakeGatewayApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  FakeLeadGateway workflows;
  @Autowired
  EventBus bus;
  TestData data;
  TestData.TestBroker mine;
  TestData.TestBroker other;
  UUID agent;
  UUID colleague;
  UUID colleagueInOther;
  String adminToken;
  String agentToken;
  Target foreignLead;
  Target colleaguesLead;
  Target agentsOwnLead;
  int leads;

  /** A lead someone must not reach: its id, workflow, one booked appointment and one open task. */
  record Target(UUID id, String workflowId, UUID appointmentId, String brokerSlug, String taskId) {
  }

  /** One endpoint; {lead}, {appointment} and {task} are filled with the target's. */
  record Endpoint(HttpMethod method, String path, Object body) {

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Stream<Endpoint> endpoints() {
    String slot = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    return Stream.of(
        new Endpoint(HttpMethod.GET, "/api/v1/leads/{lead}", null),
        new Endpoint(HttpMethod.GET, "/api/v1/leads/{lead}/messages", null),
        new Endpoint(HttpMethod.GET, "/api/v1/leads/{lead}/stage-history", null),
        new Endpoint(HttpMethod.GET, "/api/v1/leads/{lead}/slots", null),
        new Endpoint(HttpMethod.POST, "/api/v1/leads/{lead}/assign", Map.of("agentId", "{agent}")),
        new Endpoint(HttpMethod.POST, "/api/v1/leads/{lead}/stage", Map.of("stage", "LOST", "reason", "spam")),
        new Endpoint(HttpMethod.POST, "/api/v1/leads/{lead}/takeover", null),
        new Endpoint(HttpMethod.POST, "/api/v1/leads/{lead}/release", Map.of("note", "listo")),
        new Endpoint(HttpMethod.POST, "/api/v1/leads/{lead}/messages", Map.of("text", "hola de otro")),
        new Endpoint(HttpMethod.POST, "/api/v1/leads/{lead}/call", null),
        new Endpoint(HttpMethod.POST, "/api/v1/leads/{lead}/appointments", Map.of("slotStart", slot)),
        new Endpoint(HttpMethod.DELETE, "/api/v1/leads/{lead}/appointments/{appointment}", null),
        new Endpoint(HttpMethod.POST, "/api/v1/leads/{lead}/retry", null),
        new Endpoint(HttpMethod.POST, "/api/v1/leads/{lead}/opt-out", Map.of("note", "no molestar")),
        new Endpoint(HttpMethod.GET, "/api/v1/calls?leadId={lead}", null),
        new Endpoint(HttpMethod.GET, "/api/v1/appointments?leadId={lead}", null),
        new Endpoint(HttpMethod.GET, "/api/v1/tasks?leadId={lead}", null),
        new Endpoint(HttpMethod.POST, "/api/v1/tasks/{task}/done", Map.of("note", "hecho por otro")),
        new Endpoint(HttpMethod.POST, "/api/v1/tasks/{task}/dismiss", null));
  }

  Stream<Arguments> attempts() {
    return endpoints().flatMap(e -> Stream.of(
        Arguments.of("admin, another broker's lead", e),
        Arguments.of("agent, a colleague's lead", e),
        Arguments.of("agent, another broker's lead", e)));
  }

  @BeforeAll
  void setUp() {
    data = new TestData(db, jwt);
    mine = data.broker();
    other = data.broker();
    agent = data.user(mine, "AGENT");
    colleague = data.user(mine, "AGENT");
    colleagueInOther = data.user(other, "AGENT");
    adminToken = data.token(data.user(mine, "ADMIN"), "ADMIN", mine.id());
    agentToken = data.token(agent, "AGENT", mine.id());
    foreignLead = lead(other, colleagueInOther);
    colleaguesLead = lead(mine, colleague);
    agentsOwnLead = lead(mine, agent);
  }

  /** A lead with a running workflow, a message, a move, a visit, a call and a task. */
  Target lead(TestData.TestBroker broker, UUID assignee) {
    String workflowId = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    UUID id = LeadWorkflowIds.leadId(workflowId);
    WebTestClient internal = InternalApi.client(internalServer);
    internal.put().uri("/internal/v1/leads/" + id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana", "+56987650000", "PROFILING", 40, "WARM"))
        .exchange().expectStatus().isNoContent();
    data.assign(id, assignee);
    internal.post().uri("/internal/v1/leads/" + id + "/messages").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.message(workflowId, "INBOUND", "LEAD", "m1", "Hola")).exchange().expectStatus().isCreated();
    internal.post().uri("/internal/v1/leads/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("leadId", id.toString(), "workflowId", workflowId, "brokerSlug", broker.slug(), "from", "NEW",
            "to", "PROFILING", "reason", "primer mensaje", "actor", "ai", "at", "2026-11-01T10:00:00Z"))
        .exchange().expectStatus().isCreated();
    internal.post().uri("/internal/v1/calls").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("leadId", id.toString(), "workflowId", workflowId, "brokerSlug", broker.slug(), "attempt", 1,
            "startedAt", "2026-11-01T11:00:00Z", "report", Map.of("callWorkflowId", workflowId + "-call-1",
                "provider", "simulated", "providerCallId", "sim-1", "status", "COMPLETED", "durationSeconds", 60)))
        .exchange().expectStatus().isCreated();
    String task = internal.post().uri("/internal/v1/leads/" + id + "/tasks").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.task(broker.slug(), workflowId, "CALL_LEAD", "Llamar a Ana", "call-lead:1"))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")
        .toString();
    UUID appointment = UUID.randomUUID();
    Instant slot = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plus(leads++, ChronoUnit.HOURS);
    data.execute("INSERT INTO appointments (id, broker_id, lead_id, workflow_id, slot_start, slot_end) "
        + "VALUES (:id, :b, :l, :w, :s, :e)", Map.of("id", appointment, "b", broker.id(), "l", id, "w", workflowId,
        "s", slot, "e", slot.plus(1, ChronoUnit.HOURS)));
    workflows.running(FakeLeadGateway.view(workflowId, Map.of("stage", "PROFILING")));
    return new Target(id, workflowId, appointment, broker.slug(), task);
  }

  /** Everything about the lead that an action could change. */
  String state(Target t) {
    String row = db.sql("""
            SELECT row_to_json(l)::text
                || (SELECT count(*) FROM messages WHERE lead_id = l.id)::text
                || (SELECT count(*) FROM stage_history WHERE lead_id = l.id)::text
                || (SELECT string_agg(status || coalesce(cancel_reason, ''), ',') FROM appointments WHERE lead_id = l.id)
                || (SELECT string_agg(status, ',') FROM calls WHERE lead_id = l.id)
                || (SELECT string_agg(status || coalesce(note, ''), ',') FROM tasks WHERE lead_id = l.id)
              FROM leads l WHERE l.id = :id""")
        .bind("id", t.id()).map((r, meta) -> r.get(0, String.class)).one().block();
    return row + " " + workflows.sent(t.workflowId());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("attempts")
  void anotherTenantsOrAColleaguesLeadIs404AndNothingChanges(String who, Endpoint endpoint) {
    String token = who.startsWith("admin") ? adminToken : agentToken;
    Target target = who.contains("colleague") ? colleaguesLead : foreignLead;
    String before = state(target);
    String path = endpoint.path().replace("{lead}", target.id().toString())
        .replace("{appointment}", target.appointmentId().toString()).replace("{task}", target.taskId());
    WebTestClient.RequestBodySpec request = http.mutate().responseTimeout(Duration.ofSeconds(40)).build()
        .method(endpoint.method()).uri(path).header("Authorization", "Bearer " + token);
    WebTestClient.ResponseSpec response;
    if (endpoint.body() != null) {
      Object body = endpoint.body() instanceof Map<?, ?> m && "{agent}".equals(m.get("agentId"))
          ? Map.of("agentId", agent.toString()) : endpoint.body();
      response = request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    } else {
      response = request.exchange();
    }
    response.expectStatus().isNotFound();
    assertThat(state(target)).isEqualTo(before);
  }

  @Test
  void theSameEndpointsServeTheViewersOwnLead() {
    // the control: were the 404s above a broken route, this would fail too
    http.get().uri("/api/v1/leads/" + agentsOwnLead.id()).header("Authorization", "Bearer " + agentToken).exchange()
        .expectStatus().isOk();
    http.post().uri("/api/v1/leads/" + agentsOwnLead.id() + "/takeover").header("Authorization", "Bearer " + agentToken)
        .exchange().expectStatus().isOk();
    assertThat(workflows.sent(agentsOwnLead.workflowId())).extracting(FakeLeadGateway.Sent::what)
        .containsExactly("takeOver");
    http.get().uri("/api/v1/calls?leadId=" + colleaguesLead.id()).header("Authorization", "Bearer " + adminToken)
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
    http.get().uri("/api/v1/appointments?leadId=" + colleaguesLead.id()).header("Authorization", "Bearer " + adminToken)
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    http.get().uri("/api/v1/tasks?leadId=" + colleaguesLead.id()).header("Authorization", "Bearer " + adminToken)
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
    http.post().uri("/api/v1/tasks/" + agentsOwnLead.taskId() + "/done").header("Authorization", "Bearer " + agentToken)
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DONE");
    // an agent may not assign, but is told so only about their own lead
    http.post().uri("/api/v1/leads/" + agentsOwnLead.id() + "/assign").header("Authorization", "Bearer " + agentToken)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("agentId", colleague.toString())).exchange()
        .expectStatus().isForbidden();
  }

  @SuppressWarnings("unchecked")
  private List<String> listed(String token, String path, String idField) {
    Object body = http.get().uri(path).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
        .expectBody(Object.class).returnResult().getResponseBody();
    List<Map<String, Object>> items = body instanceof Map<?, ?> page ? (List<Map<String, Object>>) page.get("items")
        : (List<Map<String, Object>>) body;
    return items.stream().map(m -> String.valueOf(m.get(idField))).toList();
  }

  @Test
  void listsAndMetricsLeaveOutWhatIsNotTheViewers() {
    String foreign = foreignLead.id().toString();
    String colleagues = colleaguesLead.id().toString();
    String own = agentsOwnLead.id().toString();
    assertThat(listed(adminToken, "/api/v1/leads?limit=200", "id")).containsExactlyInAnyOrder(colleagues, own);
    assertThat(listed(adminToken, "/api/v1/leads?search=Ana&limit=200&agentId=" + colleagueInOther, "id")).isEmpty();
    assertThat(listed(agentToken, "/api/v1/leads?limit=200", "id")).containsExactly(own);
    assertThat(listed(agentToken, "/api/v1/leads?agentId=" + colleague, "id")).isEmpty();
    assertThat(listed(adminToken, "/api/v1/calls", "leadId")).containsExactlyInAnyOrder(colleagues, own);
    assertThat(listed(agentToken, "/api/v1/calls", "leadId")).containsExactly(own);
    assertThat(listed(agentToken, "/api/v1/calls?agentId=" + colleague, "leadId")).isEmpty();
    assertThat(listed(adminToken, "/api/v1/appointments", "leadId")).containsExactlyInAnyOrder(colleagues, own);
    assertThat(listed(agentToken, "/api/v1/appointments", "leadId")).containsExactly(own);
    assertThat(listed(adminToken, "/api/v1/tasks", "leadId")).containsExactlyInAnyOrder(colleagues, own);
    assertThat(listed(agentToken, "/api/v1/tasks", "leadId")).containsExactly(own);
    assertThat(listed(agentToken, "/api/v1/tasks?mine=true", "leadId")).containsExactly(own);
    http.get().uri("/api/v1/pipeline/metrics").header("Authorization", "Bearer " + adminToken).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.overall.leads").isEqualTo(2)
        .jsonPath("$.overall.responseTime.unanswered").isEqualTo(2);
    http.get().uri("/api/v1/pipeline/metrics").header("Authorization", "Bearer " + agentToken).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.overall.leads").isEqualTo(1)
        .jsonPath("$.overall.stages.PROFILING").isEqualTo(1);
    assertThat(foreign).isNotIn(own, colleagues);
  }

  @Test
  void theLiveFeedAndItsReplayCarryNoOtherTenantsOrColleaguesEvents() {
    var sse = new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
    };
    String[] last = new String[2];
    var adminFeed = http.get().uri("/api/v1/events").header("Authorization", "Bearer " + adminToken)
        .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk().returnResult(sse).getResponseBody()
        .filter(e -> e.event() != null).take(1);
    var agentFeed = http.get().uri("/api/v1/events").header("Authorization", "Bearer " + agentToken)
        .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk().returnResult(sse).getResponseBody()
        .filter(e -> e.event() != null).take(1);
    StepVerifier.create(adminFeed)
        .then(() -> {
          publish(foreignLead, "ajeno");
          publish(colleaguesLead, "del colega");
        })
        .assertNext(e -> {
          assertThat(e.data()).containsEntry("leadId", colleaguesLead.id().toString());
          last[0] = e.id();
        })
        .expectComplete().verify(Duration.ofSeconds(10));
    StepVerifier.create(agentFeed)
        .then(() -> {
          publish(foreignLead, "ajeno 2");
          publish(colleaguesLead, "del colega 2");
          publish(agentsOwnLead, "suyo");
        })
        .assertNext(e -> {
          assertThat(e.data()).containsEntry("leadId", agentsOwnLead.id().toString());
          last[1] = e.id();
        })
        .expectComplete().verify(Duration.ofSeconds(10));
    // reconnecting after the admin's event: the replay skips the other broker's events
    var adminReplay = http.get().uri("/api/v1/events").header("Authorization", "Bearer " + adminToken)
        .header("Last-Event-ID", last[0]).accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
        .returnResult(sse).getResponseBody().filter(e -> e.event() != null).take(3);
    StepVerifier.create(adminReplay)
        .assertNext(e -> assertThat(e.data()).containsEntry("leadId", colleaguesLead.id().toString()))
        .assertNext(e -> assertThat(e.data()).containsEntry("leadId", agentsOwnLead.id().toString()))
        .then(() -> publish(agentsOwnLead, "fin"))
        .assertNext(e -> assertThat(e.data()).containsEntry("leadId", agentsOwnLead.id().toString()))
        .expectComplete().verify(Duration.ofSeconds(10));
  }

  private void publish(Target lead, String text) {
    bus.publish(LiveEvent.MESSAGE, lead.brokerSlug(), lead.id(), lead.workflowId(), Map.of("body", text))
        .block(Duration.ofSeconds(5));
  }
}
