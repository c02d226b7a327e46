package com.inmo.api.pipeline;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The pipeline's figures on a data set small enough to work out by hand (the numbers in the comments).
 * Period: [T0, T0 + 1 day). Leads L1–L5 are created in it, L6 the day before (its move falls in it).
 */
@ApiIntegrationTest
class PipelineMetricsTest {

  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final String PERIOD = "from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z";

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  TestData data;
  TestData.TestBroker broker;
  String admin;
  UUID agent;
  int message;

  static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  UUID lead(TestData.TestBroker b, String channel, Instant createdAt, String stage) {
    UUID id = UUID.randomUUID();
    data.execute("INSERT INTO leads (id, broker_id, workflow_id, channel, stage, created_at) VALUES (:id, :b, :w, :c, :s, :at)",
        Map.of("id", id, "b", b.id(), "w", "lead-metrics-" + id, "c", channel, "s", stage, "at", createdAt));
    return id;
  }

  void move(UUID lead, TestData.TestBroker b, String from, String to, Instant at) {
    data.execute("INSERT INTO stage_history (lead_id, broker_id, from_stage, to_stage, reason, actor, moved_at) "
        + "VALUES (:l, :b, :f, :t, 'test', 'ai', :at)", Map.of("l", lead, "b", b.id(), "f", from, "t", to, "at", at));
  }

  void message(UUID lead, TestData.TestBroker b, String direction, String author, Instant at) {
    data.execute("INSERT INTO messages (id, lead_id, broker_id, direction, author, external_id, body, created_at) "
        + "VALUES (:id, :l, :b, :d, :a, :x, 'texto', :at)", Map.of("id", UUID.randomUUID(), "l", lead, "b", b.id(),
        "d", direction, "a", author, "x", "m" + message++, "at", at));
  }

  @BeforeEach
  void dataSet() {
    data = new TestData(db, jwt);
    broker = data.broker();
    admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    agent = data.user(broker, "AGENT");

    // L1 TELEGRAM: NEW 10 min, PROFILING 30 min, FINANCIAL_QUALIFICATION 60 min, now POTENTIAL (reached 4)
    UUID l1 = lead(broker, "TELEGRAM", at(0), "POTENTIAL");
    move(l1, broker, "NEW", "PROFILING", at(10));
    move(l1, broker, "PROFILING", "FINANCIAL_QUALIFICATION", at(40));
    move(l1, broker, "FINANCIAL_QUALIFICATION", "POTENTIAL", at(100));
    data.assign(l1, agent);
    // L2 TELEGRAM: NEW 20 min, PROFILING 50 min, now LOST (reached 2)
    UUID l2 = lead(broker, "TELEGRAM", at(60), "LOST");
    move(l2, broker, "NEW", "PROFILING", at(80));
    move(l2, broker, "PROFILING", "LOST", at(130));
    // L3 WEBCHAT: NEW 30 min, straight to POTENTIAL 60 min, SCHEDULED 60 min, now WON (reached 6)
    UUID l3 = lead(broker, "WEBCHAT", at(120), "WON");
    move(l3, broker, "NEW", "POTENTIAL", at(150));
    move(l3, broker, "POTENTIAL", "SCHEDULED", at(210));
    move(l3, broker, "SCHEDULED", "WON", at(270));
    // L4 WEBCHAT: still NEW (reached 1); L5 TELEGRAM: PROFILING without history (reached 2)
    lead(broker, "WEBCHAT", at(180), "NEW");
    lead(broker, "TELEGRAM", at(240), "PROFILING");
    // L6 IMPORT: created the day before (not in the cohort), left NEW in the period after 29 h = 104,400 s
    UUID l6 = lead(broker, "IMPORT", at(-24 * 60), "PROFILING");
    move(l6, broker, "NEW", "PROFILING", at(300));
    // another broker's lead, in the period, counts nowhere
    TestData.TestBroker other = data.broker();
    UUID foreign = lead(other, "TELEGRAM", at(30), "WON");
    move(foreign, other, "NEW", "WON", at(35));
    message(foreign, other, "INBOUND", "LEAD", at(31));
    message(foreign, other, "OUTBOUND", "AI", at(400));

    // response times, seconds: L1 4, 30 and 20 (two inbound, one reply), 10 (a SYSTEM message is no reply)
    Instant m = at(1);
    message(l1, broker, "INBOUND", "LEAD", m);
    message(l1, broker, "OUTBOUND", "AI", m.plusSeconds(4));
    m = at(5);
    message(l1, broker, "INBOUND", "LEAD", m);
    message(l1, broker, "INBOUND", "LEAD", m.plusSeconds(10));
    message(l1, broker, "OUTBOUND", "HUMAN", m.plusSeconds(30));
    message(l1, broker, "OUTBOUND", "SYSTEM", at(6));
    m = at(7);
    message(l1, broker, "INBOUND", "LEAD", m);
    message(l1, broker, "OUTBOUND", "SYSTEM", m.plusSeconds(1));
    message(l1, broker, "OUTBOUND", "AI", m.plusSeconds(10));
    // L3: 2, and one unanswered
    message(l3, broker, "INBOUND", "LEAD", at(121));
    message(l3, broker, "OUTBOUND", "AI", at(121).plusSeconds(2));
    message(l3, broker, "INBOUND", "LEAD", at(130));
    // L6: before the period
    message(l6, broker, "INBOUND", "LEAD", at(-60));
    message(l6, broker, "OUTBOUND", "AI", at(-60).plusSeconds(100));
  }

  private WebTestClient.BodyContentSpec metrics(String token, String query) {
    return http.get().uri("/api/v1/pipeline/metrics?" + query).header("Authorization", "Bearer " + token).exchange()
        .expectStatus().isOk().expectBody();
  }

  @Test
  void allChannels() {
    metrics(admin, PERIOD)
        .jsonPath("$.from").isEqualTo("2026-03-01T00:00:00Z")
        .jsonPath("$.overall.leads").isEqualTo(5)
        .jsonPath("$.overall.stages.NEW").isEqualTo(1)
        .jsonPath("$.overall.stages.PROFILING").isEqualTo(1)
        .jsonPath("$.overall.stages.FINANCIAL_QUALIFICATION").isEqualTo(0)
        .jsonPath("$.overall.stages.POTENTIAL").isEqualTo(1)
        .jsonPath("$.overall.stages.SCHEDULED").isEqualTo(0)
        .jsonPath("$.overall.stages.WON").isEqualTo(1)
        .jsonPath("$.overall.stages.LOST").isEqualTo(1)
        .jsonPath("$.overall.lost").isEqualTo(1)
        // reached at least: NEW 5, PROFILING 4, FQ 2, POTENTIAL 2, SCHEDULED 1, WON 1
        .jsonPath("$.overall.conversion.length()").isEqualTo(5)
        .jsonPath("$.overall.conversion[0].from").isEqualTo("NEW")
        .jsonPath("$.overall.conversion[0].to").isEqualTo("PROFILING")
        .jsonPath("$.overall.conversion[0].reached").isEqualTo(5)
        .jsonPath("$.overall.conversion[0].advanced").isEqualTo(4)
        .jsonPath("$.overall.conversion[0].rate").isEqualTo(0.8)
        .jsonPath("$.overall.conversion[1].rate").isEqualTo(0.5)
        .jsonPath("$.overall.conversion[2].rate").isEqualTo(1.0)
        .jsonPath("$.overall.conversion[3].from").isEqualTo("POTENTIAL")
        .jsonPath("$.overall.conversion[3].advanced").isEqualTo(1)
        .jsonPath("$.overall.conversion[3].rate").isEqualTo(0.5)
        .jsonPath("$.overall.conversion[4].to").isEqualTo("WON")
        .jsonPath("$.overall.conversion[4].rate").isEqualTo(1.0)
        // NEW: 600, 1200, 1800, 104400 → 1500; PROFILING: 1800, 3000 → 2400
        .jsonPath("$.overall.medianSecondsInStage.NEW").isEqualTo(1500.0)
        .jsonPath("$.overall.medianSecondsInStage.PROFILING").isEqualTo(2400.0)
        .jsonPath("$.overall.medianSecondsInStage.FINANCIAL_QUALIFICATION").isEqualTo(3600.0)
        .jsonPath("$.overall.medianSecondsInStage.POTENTIAL").isEqualTo(3600.0)
        .jsonPath("$.overall.medianSecondsInStage.SCHEDULED").isEqualTo(3600.0)
        .jsonPath("$.overall.medianSecondsInStage.WON").doesNotExist()
        // 2, 4, 10, 20, 30 → median 10, p90 26; one unanswered
        .jsonPath("$.overall.responseTime.answered").isEqualTo(5)
        .jsonPath("$.overall.responseTime.unanswered").isEqualTo(1)
        .jsonPath("$.overall.responseTime.medianSeconds").isEqualTo(10.0)
        .jsonPath("$.overall.responseTime.p90Seconds").isEqualTo(26.0);
  }

  @Test
  void perChannel() {
    metrics(admin, PERIOD)
        .jsonPath("$.byChannel.TELEGRAM.leads").isEqualTo(3)
        .jsonPath("$.byChannel.TELEGRAM.stages.LOST").isEqualTo(1)
        .jsonPath("$.byChannel.TELEGRAM.conversion[0].rate").isEqualTo(1.0)
        .jsonPath("$.byChannel.TELEGRAM.conversion[1].reached").isEqualTo(3)
        .jsonPath("$.byChannel.TELEGRAM.conversion[1].advanced").isEqualTo(1)
        .jsonPath("$.byChannel.TELEGRAM.conversion[3].rate").isEqualTo(0.0)
        .jsonPath("$.byChannel.TELEGRAM.conversion[4].rate").isEmpty()
        .jsonPath("$.byChannel.TELEGRAM.medianSecondsInStage.NEW").isEqualTo(900.0)
        .jsonPath("$.byChannel.TELEGRAM.medianSecondsInStage.PROFILING").isEqualTo(2400.0)
        .jsonPath("$.byChannel.TELEGRAM.responseTime.answered").isEqualTo(4)
        .jsonPath("$.byChannel.TELEGRAM.responseTime.medianSeconds").isEqualTo(15.0)
        .jsonPath("$.byChannel.TELEGRAM.responseTime.p90Seconds").isEqualTo(27.0)
        .jsonPath("$.byChannel.WEBCHAT.leads").isEqualTo(2)
        .jsonPath("$.byChannel.WEBCHAT.conversion[0].rate").isEqualTo(0.5)
        .jsonPath("$.byChannel.WEBCHAT.conversion[1].rate").isEqualTo(1.0)
        .jsonPath("$.byChannel.WEBCHAT.medianSecondsInStage.NEW").isEqualTo(1800.0)
        .jsonPath("$.byChannel.WEBCHAT.medianSecondsInStage.POTENTIAL").isEqualTo(3600.0)
        .jsonPath("$.byChannel.WEBCHAT.responseTime.answered").isEqualTo(1)
        .jsonPath("$.byChannel.WEBCHAT.responseTime.unanswered").isEqualTo(1)
        .jsonPath("$.byChannel.WEBCHAT.responseTime.medianSeconds").isEqualTo(2.0)
        .jsonPath("$.byChannel.IMPORT.leads").isEqualTo(0)
        .jsonPath("$.byChannel.IMPORT.conversion[0].rate").isEmpty()
        .jsonPath("$.byChannel.IMPORT.medianSecondsInStage.NEW").isEqualTo(104400.0)
        .jsonPath("$.byChannel.IMPORT.responseTime.answered").isEqualTo(0)
        .jsonPath("$.byChannel.MANUAL.leads").isEqualTo(0);
  }

  @Test
  void oneChannelAnAgentsViewAllTimeAnd400s() {
    metrics(admin, PERIOD + "&channel=webchat")
        .jsonPath("$.channel").isEqualTo("WEBCHAT")
        .jsonPath("$.overall.leads").isEqualTo(2)
        .jsonPath("$.overall.responseTime.medianSeconds").isEqualTo(2.0)
        .jsonPath("$.byChannel.length()").isEqualTo(1)
        .jsonPath("$.byChannel.WEBCHAT.leads").isEqualTo(2);
    // the agent sees L1 alone
    metrics(data.token(agent, "AGENT", broker.id()), PERIOD)
        .jsonPath("$.overall.leads").isEqualTo(1)
        .jsonPath("$.overall.stages.POTENTIAL").isEqualTo(1)
        .jsonPath("$.overall.medianSecondsInStage.NEW").isEqualTo(600.0)
        .jsonPath("$.overall.responseTime.answered").isEqualTo(4);
    // without a period: L6 joins the cohort, its earlier message too (100 s)
    metrics(admin, "")
        .jsonPath("$.from").isEmpty()
        .jsonPath("$.overall.leads").isEqualTo(6)
        .jsonPath("$.overall.responseTime.answered").isEqualTo(6);
    http.get().uri("/api/v1/pipeline/metrics?channel=FAX").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d ->
            org.assertj.core.api.Assertions.assertThat((String) d).contains("FAX"));
    http.get().uri("/api/v1/pipeline/metrics?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z")
        .header("Authorization", "Bearer " + admin).exchange().expectStatus().isBadRequest();
    http.get().uri("/api/v1/pipeline/metrics").exchange().expectStatus().isUnauthorized();
  }
}
