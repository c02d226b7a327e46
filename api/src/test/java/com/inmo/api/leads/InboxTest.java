package com.inmo.api.leads;

import com.inmo.api.gateway.FakeLeadGateway;
import com.inmo.api.support.FakeGatewayApiTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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
@FakeGatewayApiTest
class InboxTest {

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
  }

  /** A lead whose row says {@code humanModeRow} and whose workflow answers with {@code view}'s fields. */
  private UUID lead(String name, boolean humanModeRow, Map<String, Object> view) {
    String workflowId = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    UUID id = LeadWorkflowIds.leadId(workflowId);
    Map<String, Object> snapshot = TestData.snapshot(broker.slug(), workflowId, name, null, "PROFILING", 30, "WARM");
    snapshot.put("humanMode", humanModeRow);
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + id)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(snapshot)
        .exchange().expectStatus().isNoContent();
    workflows.running(FakeLeadGateway.view(workflowId, view));
    return id;
  }

  /** The workflow's human mode: who holds the conversation, since when, and since when the lead waits (or null). */
  private static Map<String, Object> human(UUID holder, Instant since, Instant waitingSince) {
    Map<String, Object> view = new HashMap<>(Map.of("stage", "PROFILING", "humanMode", true, "humanSince", since));
    view.put("humanUserId", holder == null ? null : holder.toString());
    view.put("humanWaitingSince", waitingSince);
    return view;
  }

  private static final Map<String, Object> AI_MODE = Map.of("stage", "PROFILING", "humanMode", false);

  @Test
  void humanModeLeadsComeLongestWaitFirstWithWhoHoldsThem() {
    Instant held = now.minus(Duration.ofMinutes(10));
    Instant asked = now.minus(Duration.ofMinutes(40));
    Instant answered = now.minus(Duration.ofMinutes(20));
    UUID heldByAdmin = lead("Bea", true, human(adminId, held, held));
    UUID askedForAPerson = lead("Carla", true, human(null, asked, asked));
    UUID answeredAlready = lead("Dora", true, human(adminId, answered, null));
    lead("Eva", false, AI_MODE); // the AI works it: not in the inbox
    lead("Flor", true, AI_MODE); // released since its row was written: not in the inbox either

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
    UUID mine = lead("Gina", true, human(null, now, now));
    lead("Hilda", true, human(null, now, now));
    data.assign(mine, agentId);

    http.get().uri("/api/v1/leads/inbox").header("Authorization", "Bearer " + agent).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.items.length()").isEqualTo(1)
        .jsonPath("$.items[0].id").isEqualTo(mine.toString())
        .jsonPath("$.total").isEqualTo(1);
  }
}
