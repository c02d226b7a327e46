package com.inmo.api.leads;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadWorkflow;
import com.inmo.workflows.lead.LeadWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The inbox: the viewer's human-mode leads, with who holds them and since when (from each workflow), the
 * longest wait first.
 */
@ApiIntegrationTest
class InboxTest {

  static final String QUEUE = "api-test-inbox";

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  WorkflowClient temporal;
  WorkerFactory workers;
  TestData data;
  TestData.TestBroker broker;
  UUID adminId;
  String admin;
  Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeEach
  void setUp() {
    // a loaded build machine: the first requests of a fresh context may take seconds
    http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    data = new TestData(db, jwt);
    broker = data.broker();
    adminId = data.user(broker, "ADMIN");
    admin = data.token(adminId, "ADMIN", broker.id());
    workers = WorkerFactory.newInstance(temporal);
    workers.newWorker(QUEUE).registerWorkflowImplementationTypes(HumanModeLeadWorkflow.class);
    workers.start();
  }

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  /** A lead whose row says {@code humanModeRow} and whose workflow answers {@code human} (see the fake). */
  private UUID lead(String name, boolean humanModeRow, String human) {
    String workflowId = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    UUID id = LeadWorkflowIds.leadId(workflowId);
    Map<String, Object> snapshot = TestData.snapshot(broker.slug(), workflowId, name, null, "PROFILING", 30, "WARM");
    snapshot.put("humanMode", humanModeRow);
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + id).header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(snapshot)
        .exchange().expectStatus().isNoContent();
    LeadWorkflow stub = temporal.newWorkflowStub(LeadWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(QUEUE).build());
    WorkflowClient.start(stub::run, new LeadStart(broker.slug(), Channel.IMPORT, null, human, null, null));
    return id;
  }

  @Test
  void humanModeLeadsComeLongestWaitFirstWithWhoHoldsThem() {
    Instant held = now.minus(Duration.ofMinutes(10));
    Instant asked = now.minus(Duration.ofMinutes(40));
    Instant answered = now.minus(Duration.ofMinutes(20));
    UUID heldByAdmin = lead("Bea", true, "true|" + adminId + "|" + held + "|" + held);
    UUID askedForAPerson = lead("Carla", true, "true|-|" + asked + "|" + asked);
    UUID answeredAlready = lead("Dora", true, "true|" + adminId + "|" + answered + "|-");
    lead("Eva", false, "false|-|-|-"); // the AI works it: not in the inbox
    lead("Flor", true, "false|-|-|-"); // released since its row was written: not in the inbox either

    http.get().uri("/api/v1/leads/inbox").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.items.length()").isEqualTo(3)
        .jsonPath("$.items[0].id").isEqualTo(askedForAPerson.toString())
        .jsonPath("$.items[0].name").isEqualTo("Carla")
        .jsonPath("$.items[0].requested").isEqualTo(true)
        .jsonPath("$.items[0].humanUserId").doesNotExist()
        .jsonPath("$.items[0].waitingSince").isEqualTo(asked.toString())
        .jsonPath("$.items[1].id").isEqualTo(answeredAlready.toString())
        .jsonPath("$.items[1].humanWaitingSince").doesNotExist()
        .jsonPath("$.items[1].waitingSince").isEqualTo(answered.toString())
        .jsonPath("$.items[2].id").isEqualTo(heldByAdmin.toString())
        .jsonPath("$.items[2].requested").isEqualTo(false)
        .jsonPath("$.items[2].humanUserId").isEqualTo(adminId.toString())
        .jsonPath("$.items[2].humanUserName").isEqualTo("Usuario de prueba")
        .jsonPath("$.items[2].humanSince").isEqualTo(held.toString())
        .jsonPath("$.items[2].humanMode").isEqualTo(true);
  }

  @Test
  void anAgentSeesOnlyTheLeadsAssignedToThem() {
    UUID agentId = data.user(broker, "AGENT");
    String agent = data.token(agentId, "AGENT", broker.id());
    UUID mine = lead("Gina", true, "true|-|" + now + "|" + now);
    lead("Hilda", true, "true|-|" + now + "|" + now);
    data.assign(mine, agentId);

    http.get().uri("/api/v1/leads/inbox").header("Authorization", "Bearer " + agent).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.items.length()").isEqualTo(1)
        .jsonPath("$.items[0].id").isEqualTo(mine.toString())
        .jsonPath("$.total").isEqualTo(1);
  }
}
