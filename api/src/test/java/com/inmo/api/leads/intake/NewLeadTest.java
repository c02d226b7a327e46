package com.inmo.api.leads.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.api.gateway.LeadGateway;
import com.inmo.api.gateway.UnreachableTemporal;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadWorkflow;
import com.inmo.workflows.lead.LeadWorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ResponseStatusException;

/** {@code POST /api/v1/leads}: a lead typed in starts its workflow, described here through Temporal. */
@ApiIntegrationTest
class NewLeadTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  WorkflowClient temporal;
  TestData data;
  TestData.TestBroker broker;
  String admin;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    broker = data.broker();
    admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
  }

  private WebTestClient.ResponseSpec post(String token, Map<String, Object> body) {
    return http.post().uri("/api/v1/leads").header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  static Map<String, Object> lead(String name, String phone, String email) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", name);
    m.put("phone", phone);
    m.put("email", email);
    return m;
  }

  static LeadStart startOf(WorkflowClient client, String workflowId) {
    var first = client.fetchHistory(workflowId).getEvents().get(0);
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0,
        Optional.of(first.getWorkflowExecutionStartedEventAttributes().getInput()), LeadStart.class, LeadStart.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aNewLeadStartsItsWorkflowWithWhatTheAgentKnows() {
    Map<String, Object> body = lead("  Ana Pérez ", "9 8765 4321", "Ana.Perez@Correo.CL");
    body.put("tags", List.of("feria", "vip", "feria"));
    body.put("source", "feria-2026");
    body.put("zone", "Ñuñoa");
    body.put("bedrooms", 3);
    Map<String, Object> created = post(admin, body).expectStatus().isCreated()
        .expectHeader().valueMatches("Location", "/api/v1/leads/[0-9a-f-]{36}")
        .expectBody(Map.class).returnResult().getResponseBody();

    String workflowId = (String) created.get("workflowId");
    assertThat(workflowId).startsWith("lead-" + broker.slug() + "-");
    assertThat(created.get("leadId")).isEqualTo(LeadWorkflowIds.leadId(workflowId).toString());

    WorkflowExecutionDescription described = temporal.newUntypedWorkflowStub(workflowId).describe();
    assertThat(described.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(described.getWorkflowType()).isEqualTo("LeadWorkflow");
    assertThat(described.getTaskQueue()).isEqualTo(LeadWorkflow.TASK_QUEUE);
    LeadStart start = startOf(temporal, workflowId);
    assertThat(start.brokerSlug()).isEqualTo(broker.slug());
    assertThat(start.channel()).isEqualTo(Channel.MANUAL);
    assertThat(start.channelRef()).isNull();
    assertThat(start.source()).isEqualTo("feria-2026");
    assertThat(start.carried()).isNull();
    assertThat(start.knownFields().name()).isEqualTo("Ana Pérez");
    assertThat(start.knownFields().phone()).isEqualTo("+56987654321");
    assertThat(start.knownFields().email()).isEqualTo("ana.perez@correo.cl");
    assertThat(start.knownFields().zone()).isEqualTo("Ñuñoa");
    assertThat(start.knownFields().bedrooms()).isEqualTo(3);

    // listed at once, tags kept, before the workflow's first snapshot
    http.get().uri("/api/v1/leads/" + created.get("leadId")).header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.name").isEqualTo("Ana Pérez")
        .jsonPath("$.phone").isEqualTo("+56987654321")
        .jsonPath("$.channel").isEqualTo("MANUAL")
        .jsonPath("$.stage").isEqualTo("NEW")
        .jsonPath("$.tags").isEqualTo(List.of("feria", "vip"))
        .jsonPath("$.assignedAgentId").isEmpty();
  }

  @Test
  void anAgentsNewLeadIsTheirs() {
    UUID agent = data.user(broker, "AGENT");
    String token = data.token(agent, "AGENT", broker.id());
    String leadId = (String) post(token, lead("Bruno", null, "bruno@correo.cl")).expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("leadId");
    http.get().uri("/api/v1/leads/" + leadId).header("Authorization", "Bearer " + token).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.assignedAgentId").isEqualTo(agent.toString());
  }

  @Test
  void badLeadsAre400DuplicatesAre409AndNoWorkflowStarts() {
    long before = data.count("SELECT count(*) FROM leads WHERE broker_id = :b", Map.of("b", broker.id()));
    post(admin, lead("Ana", "12345", null)).expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").isEqualTo("invalid phone '12345'");
    post(admin, lead(" ", "+56987654321", null)).expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").isEqualTo("missing name");
    post(admin, lead("Ana", null, null)).expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").isEqualTo("missing phone and email");
    post(admin, lead("Ana", null, "ana@")).expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").isEqualTo("invalid email 'ana@'");
    assertThat(data.count("SELECT count(*) FROM leads WHERE broker_id = :b", Map.of("b", broker.id())))
        .isEqualTo(before);

    post(admin, lead("Carla", "+56 9 8765 4300", "carla@correo.cl")).expectStatus().isCreated();
    post(admin, lead("Carla otra vez", "987654300", null)).expectStatus().isEqualTo(409);
    post(admin, lead("Carla otra vez", null, "CARLA@correo.cl")).expectStatus().isEqualTo(409);
    // another broker may have the same person
    TestData.TestBroker other = data.broker();
    post(data.token(data.user(other, "ADMIN"), "ADMIN", other.id()), lead("Carla", "987654300", null))
        .expectStatus().isCreated();
  }

  @Test
  void onlyAdminsAndAgentsOfABrokerCreateLeads() {
    post(data.token(data.superadmin(), "SUPERADMIN", null), lead("Ana", "987654321", null))
        .expectStatus().isForbidden();
    http.post().uri("/api/v1/leads").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(lead("Ana", "987654321", null)).exchange().expectStatus().isUnauthorized();
  }

  @Test
  void temporalDownIs503() {
    try (UnreachableTemporal temporal = new UnreachableTemporal(Duration.ofSeconds(2))) {
      LeadGateway gateway = temporal.gateway();
      assertThatThrownBy(() -> gateway.start("lead-x-" + UUID.randomUUID(),
              new LeadStart("x", Channel.MANUAL, null, "manual", null, null)).block(Duration.ofSeconds(10)))
          .isInstanceOfSatisfying(ResponseStatusException.class,
              e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
      // and the lead's row, written first, is gone again
      LeadIntake intake = new LeadIntake(db, gateway);
      LeadCandidate lead = ((LeadCandidate.Valid) LeadCandidate.of(
          new NewLead("Ana", "987654321", null, null, null, null, null, null, null, null, null), "manual")).lead();
      assertThatThrownBy(() -> intake.create(new LeadIntake.Target(broker.id(), broker.slug()), null, lead,
              Channel.MANUAL).block(Duration.ofSeconds(10)))
          .isInstanceOfSatisfying(ResponseStatusException.class,
              e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
      assertThat(data.count("SELECT count(*) FROM leads WHERE broker_id = :b", Map.of("b", broker.id()))).isZero();
      // an import stops starting workflows at the first refusal and says which rows to send again
      List<CsvLeads.Row> rows = java.util.stream.IntStream.range(0, 6).mapToObj(i -> new CsvLeads.Row(i + 2,
          new NewLead("Lead " + i, "98765430" + i, null, null, null, null, null, null, null, null, null))).toList();
      ImportReport report = new LeadImport(intake).run(new LeadIntake.Target(broker.id(), broker.slug()), null, rows)
          .block(Duration.ofSeconds(30));
      assertThat(report.accepted()).isZero();
      assertThat(report.rejected()).extracting(ImportReport.Rejected::row).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
      assertThat(report.rejected()).extracting(ImportReport.Rejected::reason).containsOnly(LeadImport.UNAVAILABLE);
      assertThat(data.count("SELECT count(*) FROM leads WHERE broker_id = :b", Map.of("b", broker.id()))).isZero();
    }
  }
}
