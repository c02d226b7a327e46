package com.inmo.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** The worker opens tasks for humans (once per lead and key) and closes the ones it no longer needs. */
@ApiIntegrationTest
class TaskRecordTest {

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

  @BeforeEach
  void setUp() {
    http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    data = new TestData(db, jwt);
    fixtures = new TaskFixtures(internalServer, data);
    broker = data.broker();
  }

  private String lead(TestData.TestBroker b, String name) {
    return fixtures.lead(b, name, null);
  }

  private WebTestClient.ResponseSpec create(String workflowId, Map<String, Object> body) {
    return fixtures.create(workflowId, body);
  }

  private WebTestClient.ResponseSpec close(String workflowId, String key, String status, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("leadId", LeadWorkflowIds.leadId(workflowId).toString());
    body.put("workflowId", workflowId);
    body.put("brokerSlug", broker.slug());
    body.put("key", key);
    body.put("status", status);
    body.put("reason", reason);
    body.put("at", "2026-12-01T15:00:00Z");
    return fixtures.internal.post().uri("/internal/v1/leads/" + LeadWorkflowIds.leadId(workflowId) + "/tasks/close")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  private long tasks(String workflowId) {
    return data.count("SELECT count(*) FROM tasks WHERE lead_id = :l", Map.of("l", LeadWorkflowIds.leadId(workflowId)));
  }

  @Test
  void aTaskIsOpenedOnceForTheLeadsAgentAndPublished() {
    UUID agent = data.user(broker, "AGENT");
    String workflowId = lead(broker, "Ana Rojas");
    data.assign(LeadWorkflowIds.leadId(workflowId), agent);
    Map<String, Object> body = TestData.task(broker.slug(), workflowId, "CALL_LEAD", "Llamar a Ana Rojas", "call-lead:1");
    body.put("detail", "Pidió una llamada y no hay proveedor de voz configurado.");
    body.put("dueAt", "2026-12-01T14:00:00Z");
    body.put("at", "2026-12-01T13:00:00Z");
    var published = bus.events().filter(e -> workflowId.equals(e.workflowId()) && LiveEvent.TASK_CREATED.equals(e.type()))
        .take(1);
    String[] id = new String[1];
    List<LiveEvent> events = new CopyOnWriteArrayList<>();

    StepVerifier.create(published)
        .then(() -> id[0] = fixtures.created(workflowId, body))
        .consumeNextWith(events::add)
        .expectComplete()
        .verify(Duration.ofSeconds(10));
    // the event may come before the answer: compared once both are in
    LiveEvent e = events.get(0);
    assertThat(e.brokerSlug()).isEqualTo(broker.slug());
    assertThat(e.leadId()).isEqualTo(LeadWorkflowIds.leadId(workflowId));
    assertThat(e.data().path("id").asString()).isEqualTo(id[0]);
    assertThat(e.data().path("kind").asString()).isEqualTo("CALL_LEAD");
    assertThat(e.data().path("status").asString()).isEqualTo("OPEN");
    assertThat(e.data().path("assigneeId").asString()).isEqualTo(agent.toString());

    // the activity's retry, or the workflow asking again: the same task
    create(workflowId, body).expectStatus().isOk().expectBody()
        .jsonPath("$.id").isEqualTo(id[0]).jsonPath("$.created").isEqualTo(false);
    assertThat(tasks(workflowId)).isEqualTo(1);
    http.get().uri("/api/v1/tasks?leadId=" + LeadWorkflowIds.leadId(workflowId))
        .header("Authorization", "Bearer " + data.token(agent, "AGENT", broker.id())).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.total").isEqualTo(1)
        .jsonPath("$.items[0].id").isEqualTo(id[0])
        .jsonPath("$.items[0].leadId").isEqualTo(LeadWorkflowIds.leadId(workflowId).toString())
        .jsonPath("$.items[0].leadName").isEqualTo("Ana Rojas")
        .jsonPath("$.items[0].kind").isEqualTo("CALL_LEAD")
        .jsonPath("$.items[0].title").isEqualTo("Llamar a Ana Rojas")
        .jsonPath("$.items[0].detail").isEqualTo("Pidió una llamada y no hay proveedor de voz configurado.")
        .jsonPath("$.items[0].status").isEqualTo("OPEN")
        .jsonPath("$.items[0].assigneeId").isEqualTo(agent.toString())
        .jsonPath("$.items[0].assigneeName").isEqualTo("Usuario de prueba")
        .jsonPath("$.items[0].dueAt").isEqualTo("2026-12-01T14:00:00Z")
        .jsonPath("$.items[0].createdAt").isEqualTo("2026-12-01T13:00:00Z")
        .jsonPath("$.items[0].doneAt").isEmpty();
  }

  @Test
  void aLeadWithoutAnAgentGetsAnUnassignedTaskAndAKeyIsPerLead() {
    String ana = lead(broker, "Ana");
    String bruno = lead(broker, "Bruno");
    create(ana, TestData.task(broker.slug(), ana, "CONTACT_LEAD", "Contactar a Ana", "contact")).expectStatus().isCreated()
        .expectBody().jsonPath("$.created").isEqualTo(true);
    create(bruno, TestData.task(broker.slug(), bruno, "contact_lead", "Contactar a Bruno", "contact"))
        .expectStatus().isCreated();
    assertThat(data.count("SELECT count(*) FROM tasks WHERE lead_id = :l AND assignee_id IS NULL AND kind = 'CONTACT_LEAD'",
        Map.of("l", LeadWorkflowIds.leadId(bruno)))).isEqualTo(1);
  }

  @Test
  void aTaskOfALeadWithoutItsRowIs409AndABadTaskIs400() {
    String unknown = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    create(unknown, TestData.task(broker.slug(), unknown, "CALL_LEAD", "Llamar", "k")).expectStatus().isEqualTo(409);
    String workflowId = lead(broker, "Carla");
    TestData.TestBroker other = data.broker();
    create(workflowId, TestData.task(other.slug(), workflowId, "CALL_LEAD", "Llamar", "k")).expectStatus().isEqualTo(409);
    Map<String, Object> foreignWorkflow = TestData.task(broker.slug(), workflowId, "CALL_LEAD", "Llamar", "k");
    foreignWorkflow.put("workflowId", "lead-otro");
    create(workflowId, foreignWorkflow).expectStatus().isEqualTo(409);

    create(workflowId, TestData.task(broker.slug(), workflowId, "DANCE", "Bailar", "k")).expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("DANCE").contains("CALL_LEAD"));
    create(workflowId, TestData.task(broker.slug(), workflowId, "CALL_LEAD", " ", "k")).expectStatus().isBadRequest();
    create(workflowId, TestData.task(broker.slug(), workflowId, "CALL_LEAD", "Llamar", "")).expectStatus().isBadRequest();
    create(workflowId, TestData.task(broker.slug(), workflowId, "CALL_LEAD", "L".repeat(201), "k"))
        .expectStatus().isBadRequest();
    Map<String, Object> longDetail = TestData.task(broker.slug(), workflowId, "CALL_LEAD", "Llamar", "k");
    longDetail.put("detail", "d".repeat(2001));
    create(workflowId, longDetail).expectStatus().isBadRequest();
    Map<String, Object> otherLead = TestData.task(broker.slug(), workflowId, "CALL_LEAD", "Llamar", "k");
    otherLead.put("leadId", UUID.randomUUID().toString());
    create(workflowId, otherLead).expectStatus().isBadRequest();
    assertThat(tasks(workflowId)).isZero();
  }

  @Test
  void theWorkflowClosesATaskByItsKeyOnce() {
    String workflowId = lead(broker, "Diego");
    String id = fixtures.created(workflowId,
        TestData.task(broker.slug(), workflowId, "CALL_LEAD", "Llamar a Diego", "call-lead:1"));
    var published = bus.events().filter(e -> workflowId.equals(e.workflowId()) && LiveEvent.TASK_UPDATED.equals(e.type()))
        .take(1);

    StepVerifier.create(published)
        .then(() -> close(workflowId, "call-lead:1", "DISMISSED", "el lead pidió no ser contactado").expectStatus().isOk()
            .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.closed").isEqualTo(true)
            .jsonPath("$.status").isEqualTo("DISMISSED"))
        .assertNext(e -> {
          assertThat(e.data().path("id").asString()).isEqualTo(id);
          assertThat(e.data().path("status").asString()).isEqualTo("DISMISSED");
          assertThat(e.data().path("note").asString()).isEqualTo("el lead pidió no ser contactado");
        })
        .expectComplete()
        .verify(Duration.ofSeconds(10));

    close(workflowId, "call-lead:1", "DONE", "otra vez").expectStatus().isOk().expectBody()
        .jsonPath("$.id").isEqualTo(id).jsonPath("$.closed").isEqualTo(false).jsonPath("$.status").isEqualTo("DISMISSED");
    assertThat(data.count("SELECT count(*) FROM tasks WHERE id = :id AND status = 'DISMISSED' AND done_by IS NULL "
        + "AND done_at = '2026-12-01T15:00:00Z' AND note = 'el lead pidió no ser contactado'",
        Map.of("id", UUID.fromString(id)))).isEqualTo(1);
  }

  @Test
  void closingAKeyWithoutATaskIs404AndABadClosureIs400() {
    String unknown = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    close(unknown, "k", "DONE", null).expectStatus().isEqualTo(409);
    String workflowId = lead(broker, "Elena");
    close(workflowId, "never-opened", "DONE", null).expectStatus().isNotFound();
    create(workflowId, TestData.task(broker.slug(), workflowId, "CALL_LEAD", "Llamar", "k")).expectStatus().isCreated();
    close(workflowId, "k", "OPEN", null).expectStatus().isBadRequest();
    close(workflowId, "", "DONE", null).expectStatus().isBadRequest();
    close(workflowId, "k", "DONE", "r".repeat(1001)).expectStatus().isBadRequest();
    assertThat(data.count("SELECT count(*) FROM tasks WHERE lead_id = :l AND status = 'OPEN'",
        Map.of("l", LeadWorkflowIds.leadId(workflowId)))).isEqualTo(1);
  }
}
