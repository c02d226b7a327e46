package com.inmo.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
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

/** The dashboard's lead reads, scoped by role: admin → their broker, agent → their leads, superadmin → all. */
@ApiIntegrationTest
class LeadReadsTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  TestData data;
  TestData.TestBroker broker;
  TestData.TestBroker otherBroker;
  UUID ana;
  UUID bruno;
  UUID carla;
  UUID foreign;
  String adminToken;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    broker = data.broker();
    otherBroker = data.broker();
    ana = lead(broker, "Ana Pérez", "+56911110000", "PROFILING");
    bruno = lead(broker, "Bruno Díaz", "+56922220000", "POTENTIAL");
    carla = lead(broker, "Carla 100%_Real", "+56933330000", "PROFILING");
    foreign = lead(otherBroker, "Ana Otra", "+56944440000", "PROFILING");
    adminToken = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
  }

  private UUID lead(TestData.TestBroker b, String name, String phone, String stage) {
    String workflowId = LeadWorkflowIds.imported(b.slug(), UUID.randomUUID());
    UUID id = LeadWorkflowIds.leadId(workflowId);
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + id).header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(b.slug(), workflowId, name, phone, stage, 30, "WARM"))
        .exchange().expectStatus().isNoContent();
    return id;
  }

  @SuppressWarnings("unchecked")
  private List<String> ids(String token, String... params) {
    Map<String, Object> page = http.get().uri(u -> {
          u.path("/api/v1/leads");
          for (int i = 0; i < params.length; i += 2) {
            u.queryParam(params[i], "{p" + i + "}");
          }
          Map<String, String> values = new java.util.HashMap<>();
          for (int i = 0; i < params.length; i += 2) {
            values.put("p" + i, params[i + 1]);
          }
          return u.build(values);
        }).header("Authorization", "Bearer " + token)
        .exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    return ((List<Map<String, Object>>) page.get("items")).stream().map(m -> (String) m.get("id")).toList();
  }

  @Test
  void anAdminListsTheirBrokersLeadsOnly() {
    assertThat(ids(adminToken)).containsExactlyInAnyOrder(ana.toString(), bruno.toString(), carla.toString());
    http.get().uri("/api/v1/leads?limit=2").header("Authorization", "Bearer " + adminToken).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.total").isEqualTo(3).jsonPath("$.items.length()").isEqualTo(2)
        .jsonPath("$.limit").isEqualTo(2).jsonPath("$.offset").isEqualTo(0);
  }

  @Test
  void searchIsCaseInsensitiveOverNamePhoneAndEmailAndTakesWildcardsLiterally() {
    assertThat(ids(adminToken, "search", "ANA")).containsExactly(ana.toString());
    assertThat(ids(adminToken, "search", "2222")).containsExactly(bruno.toString());
    assertThat(ids(adminToken, "search", "bruno.díaz@")).containsExactly(bruno.toString());
    assertThat(ids(adminToken, "search", "100%_")).containsExactly(carla.toString());
    assertThat(ids(adminToken, "search", "%")).containsExactly(carla.toString());
  }

  @Test
  void stageFiltersAndAnUnknownStageIs400() {
    assertThat(ids(adminToken, "stage", "POTENTIAL")).containsExactly(bruno.toString());
    http.get().uri("/api/v1/leads?stage=ALMOST").header("Authorization", "Bearer " + adminToken).exchange()
        .expectStatus().isBadRequest();
    http.get().uri("/api/v1/leads?limit=201").header("Authorization", "Bearer " + adminToken).exchange()
        .expectStatus().isBadRequest();
  }

  @Test
  void anAgentSeesOnlyTheLeadsAssignedToThem() {
    UUID agent = data.user(broker, "AGENT");
    data.assign(bruno, agent);
    String agentToken = data.token(agent, "AGENT", broker.id());

    assertThat(ids(agentToken)).containsExactly(bruno.toString());
    http.get().uri("/api/v1/leads/" + ana).header("Authorization", "Bearer " + agentToken).exchange()
        .expectStatus().isNotFound();
    http.get().uri("/api/v1/leads/" + bruno).header("Authorization", "Bearer " + agentToken).exchange()
        .expectStatus().isOk();
  }

  @Test
  void aSuperadminSeesEveryBroker() {
    String token = data.token(data.superadmin(), "SUPERADMIN", null);
    assertThat(ids(token, "search", "Ana", "limit", "200")).contains(ana.toString(), foreign.toString());
  }

  @Test
  void theDetailIsTheRowPlusLiveAndAnotherTenantsLeadIs404() {
    http.get().uri("/api/v1/leads/" + ana).header("Authorization", "Bearer " + adminToken).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.id").isEqualTo(ana.toString())
        .jsonPath("$.name").isEqualTo("Ana Pérez")
        .jsonPath("$.stage").isEqualTo("PROFILING")
        .jsonPath("$.brokerSlug").isEqualTo(broker.slug())
        .jsonPath("$.live").isEmpty(); // no workflow runs for this imported lead

    http.get().uri("/api/v1/leads/" + foreign).header("Authorization", "Bearer " + adminToken).exchange()
        .expectStatus().isNotFound();
    http.get().uri("/api/v1/leads/" + foreign + "/messages").header("Authorization", "Bearer " + adminToken)
        .exchange().expectStatus().isNotFound();
    http.get().uri("/api/v1/leads/" + foreign + "/stage-history").header("Authorization", "Bearer " + adminToken)
        .exchange().expectStatus().isNotFound();
    http.get().uri("/api/v1/leads/" + ana).exchange().expectStatus().isUnauthorized();
  }

  @Test
  void messagesAndStageHistoryOfALead() {
    String workflowId = db.sql("SELECT workflow_id FROM leads WHERE id = :id").bind("id", ana)
        .map((row, meta) -> row.get(0, String.class)).one().block();
    WebTestClient internal = InternalApi.client(internalServer);
    internal.post().uri("/internal/v1/leads/" + ana + "/messages").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.message(workflowId, "INBOUND", "LEAD", "m1", "Hola")).exchange()
        .expectStatus().isCreated();
    internal.post().uri("/internal/v1/leads/" + ana + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("leadId", ana.toString(), "workflowId", workflowId, "brokerSlug", broker.slug(),
            "from", "NEW", "to", "PROFILING", "reason", "primer mensaje", "actor", "ai",
            "at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()))
        .exchange().expectStatus().isCreated();

    http.get().uri("/api/v1/leads/" + ana + "/messages").header("Authorization", "Bearer " + adminToken).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$[0].body").isEqualTo("Hola").jsonPath("$[0].author").isEqualTo("LEAD");
    http.get().uri("/api/v1/leads/" + ana + "/stage-history").header("Authorization", "Bearer " + adminToken)
        .exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[0].from").isEqualTo("NEW").jsonPath("$[0].to").isEqualTo("PROFILING")
        .jsonPath("$[0].reason").isEqualTo("primer mensaje");
  }

  @Test
  void appointmentsAreScopedLikeLeads() {
    Instant slot = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    data.execute("INSERT INTO appointments (id, broker_id, lead_id, lead_name, slot_start, slot_end) "
        + "VALUES (:id, :b, :l, 'Ana', :s, :e)", Map.of("id", UUID.randomUUID(), "b", broker.id(), "l", ana,
        "s", slot, "e", slot.plus(1, ChronoUnit.HOURS)));
    data.execute("INSERT INTO appointments (id, broker_id, lead_id, slot_start, slot_end) "
        + "VALUES (:id, :b, :l, :s, :e)", Map.of("id", UUID.randomUUID(), "b", otherBroker.id(), "l", foreign,
        "s", slot, "e", slot.plus(1, ChronoUnit.HOURS)));

    http.get().uri("/api/v1/appointments").header("Authorization", "Bearer " + adminToken).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.length()").isEqualTo(1)
        .jsonPath("$[0].leadId").isEqualTo(ana.toString())
        .jsonPath("$[0].leadName").isEqualTo("Ana")
        .jsonPath("$[0].status").isEqualTo("BOOKED");
    UUID agent = data.user(broker, "AGENT");
    http.get().uri("/api/v1/appointments").header("Authorization", "Bearer " + data.token(agent, "AGENT", broker.id()))
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
  }
}
