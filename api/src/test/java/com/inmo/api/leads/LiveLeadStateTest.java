package com.inmo.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The detail view asks the lead's workflow for its state, and does without it when no worker answers. */
@ApiIntegrationTest
class LiveLeadStateTest {

  static final String QUEUE = "api-test-leads";

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
  String token;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    broker = data.broker();
    token = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
  }

  @AfterEach
  void stopWorkers() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }

  private UUID leadWithWorkflowOn(String taskQueue) {
    String workflowId = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    UUID id = LeadWorkflowIds.leadId(workflowId);
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + id).header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD"))
        .exchange().expectStatus().isNoContent();
    LeadWorkflow stub = temporal.newWorkflowStub(LeadWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(taskQueue).build());
    WorkflowClient.start(stub::run, new LeadStart(broker.slug(), Channel.IMPORT, null, "import", null, null));
    return id;
  }

  @Test
  void aRunningWorkflowsStateIsShownUnderLive() {
    workers = WorkerFactory.newInstance(temporal);
    workers.newWorker(QUEUE).registerWorkflowImplementationTypes(FakeLeadWorkflow.class);
    workers.start();
    UUID id = leadWithWorkflowOn(QUEUE);

    http.mutate().responseTimeout(Duration.ofSeconds(10)).build()
        .get().uri("/api/v1/leads/" + id).header("Authorization", "Bearer " + token).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.stage").isEqualTo("NEW") // the row
        .jsonPath("$.live.stage").isEqualTo("PROFILING") // the workflow
        .jsonPath("$.live.fields.zone").isEqualTo("Ñuñoa")
        .jsonPath("$.live.nextAction.kind").isEqualTo("FOLLOW_UP")
        .jsonPath("$.live.nextAction.at").isEqualTo("2026-12-01T13:10:00Z");
  }

  @Test
  void withoutAWorkerTheDetailComesWithinThreeSecondsAndLiveIsNull() {
    UUID id = leadWithWorkflowOn("nobody-polls-this-queue");

    long started = System.nanoTime();
    http.mutate().responseTimeout(Duration.ofSeconds(20)).build()
        .get().uri("/api/v1/leads/" + id).header("Authorization", "Bearer " + token).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.name").isEqualTo("Ana").jsonPath("$.live").isEmpty();
    // well under the 30 s an update waits: the query gives up after 3 s (loaded machines add seconds)
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
  }
}
