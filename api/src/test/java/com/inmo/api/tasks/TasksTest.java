package com.inmo.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** The dashboard's tasks: listed with filters and scoped like leads; done or dismissed once, by whom and when. */
@ApiIntegrationTest
class TasksTest {

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
  TestData data;
  TaskFixtures fixtures;
  TestData.TestBroker broker;
  UUID adminId;
  String admin;
  Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);

  @BeforeEach
  void setUp() {
    http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    data = new TestData(db, jwt);
    fixtures = new TaskFixtures(internalServer, data);
    broker = data.broker();
    adminId = data.user(broker, "ADMIN");
    admin = data.token(adminId, "ADMIN", broker.id());
  }

  private String lead(TestData.TestBroker b, String name, UUID agent) {
    return fixtures.lead(b, name, agent);
  }

  /** Opens a task {@code minutes} after the test's start; answers its id. */
  private String task(TestData.TestBroker b, String workflowId, String kind, String key, int minutes, String dueAt) {
    Map<String, Object> body = TestData.task(b.slug(), workflowId, kind, kind + " " + key, key);
    body.put("at", start.plus(minutes, ChronoUnit.MINUTES).toString());
    body.put("dueAt", dueAt);
    return fixtures.created(workflowId, body);
  }

  @SuppressWarnings("unchecked")
  private List<String> ids(String token, String query) {
    Map<String, Object> page = http.get().uri("/api/v1/tasks?" + query).header("Authorization", "Bearer " + token)
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    return ((List<Map<String, Object>>) page.get("items")).stream().map(m -> (String) m.get("id")).toList();
  }

  private WebTestClient.ResponseSpec act(String token, String id, String action, Object body) {
    WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/tasks/" + id + "/" + action)
        .header("Authorization", "Bearer " + token);
    return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  @Test
  void anAgentMarksATaskDoneOnceWithWhoWhenAndANote() {
    UUID agent = data.user(broker, "AGENT");
    String agentToken = data.token(agent, "AGENT", broker.id());
    String workflowId = lead(broker, "Ana", agent);
    String id = task(broker, workflowId, "CLOSE_AFTER_VISIT", "visit-1", 0, null);
    var published = bus.events().filter(e -> workflowId.equals(e.workflowId()) && LiveEvent.TASK_UPDATED.equals(e.type()))
        .take(1);
    String[] doneAt = new String[1];

    StepVerifier.create(published)
        .then(() -> doneAt[0] = act(agentToken, id, "done", Map.of("note", "Firmó la promesa")).expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody().get("doneAt").toString())
        .assertNext(e -> {
          assertThat(e.leadId()).isEqualTo(LeadWorkflowIds.leadId(workflowId));
          assertThat(e.data().path("status").asString()).isEqualTo("DONE");
          assertThat(e.data().path("doneBy").asString()).isEqualTo(agent.toString());
        })
        .expectComplete()
        .verify(Duration.ofSeconds(10));

    // a double click, or a retry: the same answer, nothing changes
    act(agentToken, id, "done", null).expectStatus().isOk().expectBody()
        .jsonPath("$.status").isEqualTo("DONE").jsonPath("$.doneAt").isEqualTo(doneAt[0])
        .jsonPath("$.note").isEqualTo("Firmó la promesa");
    act(agentToken, id, "dismiss", null).expectStatus().isEqualTo(409);
    // the lead's tasks show who closed it and when
    http.get().uri("/api/v1/tasks?leadId=" + LeadWorkflowIds.leadId(workflowId)).header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.items[0].status").isEqualTo("DONE")
        .jsonPath("$.items[0].doneBy").isEqualTo(agent.toString())
        .jsonPath("$.items[0].doneByName").isEqualTo("Usuario de prueba")
        .jsonPath("$.items[0].doneAt").isEqualTo(doneAt[0])
        .jsonPath("$.items[0].note").isEqualTo("Firmó la promesa");
    assertThat(ids(admin, "status=OPEN")).isEmpty();
  }

  @Test
  void anAdminDismissesATaskWithoutANoteAndBadRequestsChangeNothing() {
    String workflowId = lead(broker, "Bruno", null);
    String id = task(broker, workflowId, "APPROVE_CALL", "approve-1", 0, null);

    act(admin, id, "done", Map.of("note", "n".repeat(1001))).expectStatus().isBadRequest();
    act(admin, UUID.randomUUID().toString(), "done", null).expectStatus().isNotFound();
    act(admin, "not-a-uuid", "done", null).expectStatus().isBadRequest();
    assertThat(data.count("SELECT count(*) FROM tasks WHERE id = :id AND status = 'OPEN'",
        Map.of("id", UUID.fromString(id)))).isEqualTo(1);

    act(admin, id, "dismiss", null).expectStatus().isOk().expectBody()
        .jsonPath("$.status").isEqualTo("DISMISSED").jsonPath("$.doneBy").isEqualTo(adminId.toString())
        .jsonPath("$.note").isEmpty();
    act(admin, id, "done", Map.of("note", "tarde")).expectStatus().isEqualTo(409)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("DISMISSED"));
  }

  @Test
  void theListFiltersByStatusKindLeadAndMineOpenOnesFirstByWhenTheyAreDue() {
    UUID agent = data.user(broker, "AGENT");
    String ana = lead(broker, "Ana", null);
    String bruno = lead(broker, "Bruno", agent);
    String mine = lead(broker, "Carla", adminId);
    String a1 = task(broker, ana, "CALL_LEAD", "a1", 1, null);
    String a2 = task(broker, ana, "CONTACT_LEAD", "a2", 2, start.plus(30, ChronoUnit.SECONDS).toString());
    String b1 = task(broker, bruno, "CALL_LEAD", "b1", 3, null);
    String c1 = task(broker, mine, "FOLLOW_UP_MANUALLY", "c1", 4, null);
    act(admin, a1, "done", null).expectStatus().isOk();

    assertThat(ids(admin, "")).as("open ones by when due (else created), then the closed ones")
        .containsExactly(a2, b1, c1, a1);
    assertThat(ids(admin, "status=OPEN")).containsExactly(a2, b1, c1);
    assertThat(ids(admin, "status=done,dismissed")).containsExactly(a1);
    assertThat(ids(admin, "kind=CALL_LEAD")).containsExactly(b1, a1);
    assertThat(ids(admin, "kind=CALL_LEAD&status=OPEN&kind=CONTACT_LEAD")).containsExactly(a2, b1);
    assertThat(ids(admin, "leadId=" + LeadWorkflowIds.leadId(ana))).containsExactly(a2, a1);
    assertThat(ids(admin, "mine=true")).containsExactly(c1);
    assertThat(ids(admin, "status=OPEN&limit=2&offset=1")).containsExactly(b1, c1);
    http.get().uri("/api/v1/tasks?status=OPEN&limit=1").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(3).jsonPath("$.limit").isEqualTo(1);

    http.get().uri("/api/v1/tasks?status=LATER").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("LATER"));
    http.get().uri("/api/v1/tasks?kind=DANCE").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isBadRequest();
    http.get().uri("/api/v1/tasks?limit=0").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isBadRequest();
    http.get().uri("/api/v1/tasks").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void anAgentSeesTasksOfTheirLeadsAndTasksGivenToThemOnly() {
    UUID agent = data.user(broker, "AGENT");
    UUID colleague = data.user(broker, "AGENT");
    String agentToken = data.token(agent, "AGENT", broker.id());
    String own = lead(broker, "Ana", agent);
    String colleagues = lead(broker, "Bruno", colleague);
    String handedOver = lead(broker, "Carla", agent);
    String unassigned = lead(broker, "Diego", null);
    String foreign = lead(data.broker(), "Elena", null);
    String ownTask = task(broker, own, "CALL_LEAD", "k", 1, null);
    String colleaguesTask = task(broker, colleagues, "CALL_LEAD", "k", 2, null);
    String handedOverTask = task(broker, handedOver, "CALL_LEAD", "k", 3, null);
    String unassignedTask = task(broker, unassigned, "CALL_LEAD", "k", 4, null);
    String foreignSlug = foreign.substring("lead-".length(), "lead-".length() + 10);
    String foreignTask = fixtures.created(foreign, TestData.task(foreignSlug, foreign, "CALL_LEAD", "x", "k"));
    // the lead went to a colleague after its task was given to the agent: the task stays theirs
    data.assign(LeadWorkflowIds.leadId(handedOver), colleague);

    assertThat(ids(agentToken, "")).containsExactly(ownTask, handedOverTask);
    assertThat(ids(agentToken, "mine=true")).containsExactly(ownTask, handedOverTask);
    assertThat(ids(admin, "")).containsExactly(ownTask, colleaguesTask, handedOverTask, unassignedTask);
    assertThat(ids(data.token(colleague, "AGENT", broker.id()), "")).containsExactly(colleaguesTask, handedOverTask);
    http.get().uri("/api/v1/tasks?leadId=" + LeadWorkflowIds.leadId(colleagues)).header("Authorization", "Bearer " + agentToken)
        .exchange().expectStatus().isNotFound();
    for (String task : List.of(colleaguesTask, unassignedTask, foreignTask)) {
      act(agentToken, task, "done", null).expectStatus().isNotFound();
    }
    act(admin, foreignTask, "dismiss", null).expectStatus().isNotFound();
    act(agentToken, handedOverTask, "done", null).expectStatus().isOk();
    assertThat(data.count("SELECT count(*) FROM tasks WHERE id = ANY(:ids) AND status = 'OPEN'",
        Map.of("ids", new UUID[] {UUID.fromString(colleaguesTask), UUID.fromString(unassignedTask),
            UUID.fromString(foreignTask)}))).isEqualTo(3);
  }
}
