package com.inmo.api.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.AccountFixtures;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
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
 * The per-broker daily LLM budget: the recorded calls count turns and cost on the broker's calendar day (in
 * Redis), the worker asks before each model call whether today's budget is spent, the first to find it
 * spent is told to notify the team, and Operations shows it.
 */
@ApiIntegrationTest
class LlmBudgetTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  TestData data;
  WebTestClient internal;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    internal = com.inmo.api.support.InternalApi.client(internalServer);
  }

  @Test
  void turnsAreCountedOnceEachAndTheBudgetIsSpentAtTheLimit() {
    TestData.TestBroker broker = data.broker("America/Santiago", "{\"llmDailyTurns\": 2}");
    TestData.TestBroker other = data.broker("America/Santiago", "{\"llmDailyTurns\": 2}");
    String lead = saveLead(broker, "webchat-ana");
    String turn = UUID.randomUUID().toString();

    check(lead).jsonPath("$.brokerSlug").isEqualTo(broker.slug())
        .jsonPath("$.turns").isEqualTo(0)
        .jsonPath("$.turnsLimit").isEqualTo(2)
        .jsonPath("$.budgetUsd").isEqualTo(20)
        .jsonPath("$.spent").isEqualTo(false);

    record(turn, 1, lead, "repaired", "0.0010", Instant.now());
    record(turn, 1, lead, "repaired", "0.0010", Instant.now()); // the recorder retried: same call
    record(turn, 2, lead, "repaired", "0.0020", Instant.now()); // the repair: same turn, more cost
    record(UUID.randomUUID().toString(), 1, lead, "error", "null", Instant.now()); // the provider failed
    check(lead).jsonPath("$.turns").isEqualTo(1)
        .jsonPath("$.costUsd").isEqualTo(0.003)
        .jsonPath("$.spent").isEqualTo(false);

    record(UUID.randomUUID().toString(), 1, lead, "ok", "0.0010", Instant.now());
    check(lead).jsonPath("$.turns").isEqualTo(2)
        .jsonPath("$.spent").isEqualTo(true)
        .jsonPath("$.notifyTeam").isEqualTo(true);
    // only the first to find it spent notifies the team; the budget is the broker's, not the lead's
    check(lead).jsonPath("$.spent").isEqualTo(true).jsonPath("$.notifyTeam").isEqualTo(false);
    check(saveLead(broker, "telegram-77")).jsonPath("$.spent").isEqualTo(true);
    check(saveLead(other, "webchat-bea")).jsonPath("$.spent").isEqualTo(false)
        .jsonPath("$.turns").isEqualTo(0);
  }

  @Test
  void theDollarBudgetIsSpentToo() {
    TestData.TestBroker broker = data.broker("America/Santiago", "{\"llmDailyBudgetUsd\": 0.05}");
    String lead = saveLead(broker, "webchat-caro");

    record(UUID.randomUUID().toString(), 1, lead, "ok", "0.03", Instant.now());
    check(lead).jsonPath("$.spent").isEqualTo(false).jsonPath("$.budgetUsd").isEqualTo(0.05);
    record(UUID.randomUUID().toString(), 1, lead, "ok", "0.03", Instant.now());
    check(lead).jsonPath("$.spent").isEqualTo(true).jsonPath("$.costUsd").isEqualTo(0.06);
  }

  @Test
  void aCallOfALeadNotSavedYetCountsForTheBrokerItsWorkflowIdNames() {
    TestData.TestBroker broker = data.broker("America/Santiago", "{}");
    String firstMessage = LeadWorkflowIds.webchat(broker.slug(), "s-" + UUID.randomUUID());

    record(UUID.randomUUID().toString(), 1, firstMessage, "ok", "0.0010", Instant.parse("2026-12-01T13:00:00Z"));
    record(UUID.randomUUID().toString(), 1, firstMessage, "ok", "0.0010", Instant.now());

    check(firstMessage).jsonPath("$.brokerSlug").isEqualTo(broker.slug()).jsonPath("$.turns").isEqualTo(1);
    String admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    // attributed to the broker before its lead row exists
    http.get().uri("/api/v1/llm-calls/daily?from=2026-12-01&to=2026-12-01").header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$[0].calls").isEqualTo(1);
  }

  @Test
  void theDayIsTheBrokersCalendarDay() {
    // UTC+14: the broker's day starts at 10:00 UTC of the day before
    ZoneId zone = ZoneId.of("Pacific/Kiritimati");
    TestData.TestBroker broker = data.broker(zone.getId(), "{}");
    String lead = saveLead(broker, "webchat-dani");
    LocalDate today = LocalDate.now(zone);

    record(UUID.randomUUID().toString(), 1, lead, "ok", "0.0010",
        today.atStartOfDay(zone).minusMinutes(30).toInstant());
    check(lead).jsonPath("$.day").isEqualTo(today.toString()).jsonPath("$.turns").isEqualTo(0);
    record(UUID.randomUUID().toString(), 1, lead, "ok", "0.0010", today.atStartOfDay(zone).plusMinutes(30).toInstant());
    check(lead).jsonPath("$.turns").isEqualTo(1);
  }

  @Test
  void badChecksAreRefused() {
    internal.post().uri("/internal/v1/llm-budget/checks").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of()).exchange().expectStatus().isBadRequest();
    internal.post().uri("/internal/v1/llm-budget/checks").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("leadId", "lead-no-such-broker-" + UUID.randomUUID() + "-webchat-x")).exchange()
        .expectStatus().isNotFound();
    com.inmo.api.support.InternalApi.withoutToken(internalServer).post().uri("/internal/v1/llm-budget/checks")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("leadId", "lead-demo-webchat-x")).exchange()
        .expectStatus().isUnauthorized();
  }

  @Test
  void operationsShowsTodaysBudgetToAdmins() {
    TestData.TestBroker broker = data.broker("America/Santiago", "{\"llmDailyTurns\": 1, \"llmDailyBudgetUsd\": 5}");
    TestData.TestBroker other = data.broker("America/Santiago", "{}");
    String lead = saveLead(broker, "webchat-eli");
    record(UUID.randomUUID().toString(), 1, lead, "ok", "0.25", Instant.now());

    String admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    http.get().uri("/api/v1/operations/llm-budget?brokerId={other}", other.id())
        .header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.length()").isEqualTo(1) // an admin sees their own broker only
        .jsonPath("$[0].brokerSlug").isEqualTo(broker.slug())
        .jsonPath("$[0].day").isEqualTo(LocalDate.now(ZoneId.of("America/Santiago")).toString())
        .jsonPath("$[0].timeZone").isEqualTo("America/Santiago")
        .jsonPath("$[0].turns").isEqualTo(1)
        .jsonPath("$[0].turnsLimit").isEqualTo(1)
        .jsonPath("$[0].costUsd").isEqualTo(0.25)
        .jsonPath("$[0].budgetUsd").isEqualTo(5)
        .jsonPath("$[0].spent").isEqualTo(true);
    String root = data.token(new AccountFixtures(db, http).user(null, "SUPERADMIN").id(), "SUPERADMIN", null);
    http.get().uri("/api/v1/operations/llm-budget?brokerId={other}", other.id())
        .header("Authorization", "Bearer " + root).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.length()").isEqualTo(1)
        .jsonPath("$[0].brokerSlug").isEqualTo(other.slug())
        .jsonPath("$[0].turnsLimit").isEqualTo(2000)
        .jsonPath("$[0].spent").isEqualTo(false);
    String agent = data.token(data.user(broker, "AGENT"), "AGENT", broker.id());
    http.get().uri("/api/v1/operations/llm-budget").header("Authorization", "Bearer " + agent).exchange()
        .expectStatus().isForbidden();
  }

  @Test
  void theBudgetIsABrokerSetting() {
    TestData.TestBroker broker = data.broker("America/Santiago", "{}");
    String admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    WebTestClient asAdmin = http.mutate().defaultHeader("Authorization", "Bearer " + admin).build();

    asAdmin.get().uri("/api/v1/brokers/current").exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.settings.llmDailyTurns").isEqualTo(2000)
        .jsonPath("$.settings.llmDailyBudgetUsd").isEqualTo(20);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("llmDailyTurns", 0);
    settings.put("llmDailyBudgetUsd", -1);
    asAdmin.put().uri("/api/v1/brokers/current").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("settings", settings)).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString())
            .contains("settings.llmDailyTurns").contains("settings.llmDailyBudgetUsd"));
    asAdmin.put().uri("/api/v1/brokers/current").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("settings", Map.of("llmDailyTurns", 500, "llmDailyBudgetUsd", 7.5))).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.settings.llmDailyTurns").isEqualTo(500)
        .jsonPath("$.settings.llmDailyBudgetUsd").isEqualTo(7.5);
    check(saveLead(broker, "webchat-fer")).jsonPath("$.turnsLimit").isEqualTo(500).jsonPath("$.budgetUsd").isEqualTo(7.5);
  }

  private String saveLead(TestData.TestBroker broker, String suffix) {
    String workflowId = "lead-" + broker.slug() + "-" + suffix;
    internal.put().uri("/internal/v1/leads/" + LeadWorkflowIds.leadId(workflowId)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD")).exchange()
        .expectStatus().is2xxSuccessful();
    return workflowId;
  }

  private void record(String turn, int attempt, String workflowId, String outcome, String cost, Instant at) {
    String body = """
        {"turnId":"%s","leadId":"%s","purpose":"turn","provider":"gemini","model":"gemini-2.5-flash",
         "promptVersion":"agent-v1.es","attempt":%d,"latencyMs":700,"tokensIn":1200,"tokensOut":150,
         "costUsd":%s,"outcome":"%s","error":null,"at":"%s"}""".formatted(turn, workflowId, attempt, cost, outcome, at);
    internal.post().uri("/internal/v1/llm-calls").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
        .expectStatus().is2xxSuccessful();
  }

  private WebTestClient.BodyContentSpec check(String workflowId) {
    return internal.post().uri("/internal/v1/llm-budget/checks").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("leadId", workflowId)).exchange()
        .expectStatus().isOk().expectBody();
  }
}
