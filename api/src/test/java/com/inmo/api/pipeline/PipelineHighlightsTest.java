package com.inmo.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The home page's highlights and weekly trend, counted in the broker's time zone, on leads placed around
 * today's and this week's boundaries (computed here as the broker reads its calendar).
 */
@ApiIntegrationTest
class PipelineHighlightsTest {

  static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  TestData data;
  TestData.TestBroker broker;
  String admin;
  String agentToken;
  Instant now;
  Instant todayStart;
  Instant weekStart;
  final Map<String, Instant> created = new HashMap<>();
  int message;

  UUID lead(TestData.TestBroker b, String name, Instant createdAt, String stage, String status, boolean optedOut,
            boolean attention) {
    UUID id = UUID.randomUUID();
    data.execute("INSERT INTO leads (id, broker_id, workflow_id, channel, name, stage, status, opted_out, needs_attention,"
            + " created_at) VALUES (:id, :b, :w, 'TELEGRAM', :n, :s, :st, :o, :a, :at)",
        Map.of("id", id, "b", b.id(), "w", "lead-hl-" + id, "n", name, "s", stage, "st", status, "o", optedOut,
            "a", attention, "at", createdAt));
    if (b.equals(broker)) {
      created.put(name, createdAt);
    }
    return id;
  }

  void message(UUID lead, TestData.TestBroker b, String direction, String author, Instant at) {
    data.execute("INSERT INTO messages (id, lead_id, broker_id, direction, author, external_id, body, created_at) "
        + "VALUES (:id, :l, :b, :d, :a, :x, 'texto', :at)", Map.of("id", UUID.randomUUID(), "l", lead, "b", b.id(),
        "d", direction, "a", author, "x", "m" + message++, "at", at));
  }

  void appointment(UUID lead, TestData.TestBroker b, Instant slot, String status) {
    data.execute("INSERT INTO appointments (id, broker_id, lead_id, slot_start, slot_end, status) "
        + "VALUES (:id, :b, :l, :s, :e, :st)", Map.of("id", UUID.randomUUID(), "b", b.id(), "l", lead, "s", slot,
        "e", slot.plus(Duration.ofHours(1)), "st", status));
  }

  static LocalDate weekOf(Instant at) {
    return at.atZone(SANTIAGO).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  @BeforeEach
  void dataSet() {
    data = new TestData(db, jwt);
    broker = data.broker();
    admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    UUID agent = data.user(broker, "AGENT");
    agentToken = data.token(agent, "AGENT", broker.id());
    now = Instant.now();
    LocalDate today = now.atZone(SANTIAGO).toLocalDate();
    todayStart = today.atStartOfDay(SANTIAGO).toInstant();
    weekStart = weekOf(now).atStartOfDay(SANTIAGO).toInstant();

    // L1 today, hot, the agent's; L2 yesterday, WON (qualified but closed); L3 the week before, hot but
    // opted out; L4 two weeks before that, needs attention
    UUID l1 = lead(broker, "L1", now.minusSeconds(1), "POTENTIAL", "HOT", false, false);
    data.assign(l1, agent);
    UUID l2 = lead(broker, "L2", todayStart.minus(Duration.ofHours(1)), "WON", "QUALIFIED", false, false);
    data.execute("INSERT INTO stage_history (lead_id, broker_id, from_stage, to_stage, reason, actor, moved_at) "
        + "VALUES (:l, :b, 'POTENTIAL', 'WON', 'firmó', 'ai', :at)", Map.of("l", l2, "b", broker.id(),
        "at", now.minusSeconds(2)));
    lead(broker, "L3", weekStart.minus(Duration.ofHours(1)), "NEW", "HOT", true, false);
    UUID l4 = lead(broker, "L4", weekStart.minus(Duration.ofDays(15)), "PROFILING", "WARM", false, true);
    // another broker's hot lead, visit and reply count nowhere
    TestData.TestBroker other = data.broker();
    UUID foreign = lead(other, "X", now.minusSeconds(1), "POTENTIAL", "HOT", false, true);
    appointment(foreign, other, now.plus(Duration.ofDays(2)), "BOOKED");
    message(foreign, other, "INBOUND", "LEAD", now.minus(Duration.ofMinutes(45)));
    message(foreign, other, "OUTBOUND", "AI", now.minus(Duration.ofMinutes(45)).plusSeconds(1));

    // visits: one upcoming, one past, one cancelled
    appointment(l1, broker, now.plus(Duration.ofDays(2)), "BOOKED");
    appointment(l2, broker, now.minus(Duration.ofDays(1)), "BOOKED");
    appointment(l1, broker, now.plus(Duration.ofDays(3)), "CANCELLED");

    // first replies: L1 20 s (its later exchange is not a first one), L2 40 s (a SYSTEM message is no reply),
    // L4 none yet
    Instant m = now.minus(Duration.ofMinutes(60));
    message(l1, broker, "INBOUND", "LEAD", m);
    message(l1, broker, "OUTBOUND", "AI", m.plusSeconds(20));
    message(l1, broker, "INBOUND", "LEAD", m.plusSeconds(600));
    message(l1, broker, "OUTBOUND", "AI", m.plusSeconds(1600));
    m = now.minus(Duration.ofMinutes(50));
    message(l2, broker, "INBOUND", "LEAD", m);
    message(l2, broker, "OUTBOUND", "SYSTEM", m.plusSeconds(5));
    message(l2, broker, "OUTBOUND", "HUMAN", m.plusSeconds(40));
    message(l4, broker, "INBOUND", "LEAD", now.minus(Duration.ofMinutes(40)));
  }

  private WebTestClient.BodyContentSpec metrics(String token, String query) {
    return http.get().uri("/api/v1/pipeline/metrics?" + query).header("Authorization", "Bearer " + token).exchange()
        .expectStatus().isOk().expectBody();
  }

  @Test
  void highlightsInTheBrokersCalendar() {
    long thisWeek = created.values().stream().filter(at -> !at.isBefore(weekStart)).count();
    metrics(admin, "")
        .jsonPath("$.timeZone").isEqualTo("America/Santiago")
        .jsonPath("$.highlights.todayStart").isEqualTo(todayStart.toString())
        .jsonPath("$.highlights.weekStart").isEqualTo(weekStart.toString())
        .jsonPath("$.highlights.newToday").isEqualTo(1)
        .jsonPath("$.highlights.newThisWeek").isEqualTo((int) thisWeek)
        .jsonPath("$.highlights.hot").isEqualTo(1)
        .jsonPath("$.highlights.needsAttention").isEqualTo(1)
        .jsonPath("$.highlights.visitsBooked").isEqualTo(2)
        .jsonPath("$.highlights.visitsUpcoming").isEqualTo(1)
        .jsonPath("$.highlights.won").isEqualTo(1)
        .jsonPath("$.highlights.conversionRate").isEqualTo(0.25)
        // 20 and 40 → median 30, p90 38; L4 waits
        .jsonPath("$.highlights.firstResponse.answered").isEqualTo(2)
        .jsonPath("$.highlights.firstResponse.unanswered").isEqualTo(1)
        .jsonPath("$.highlights.firstResponse.medianSeconds").isEqualTo(30.0)
        .jsonPath("$.highlights.firstResponse.p90Seconds").isEqualTo(38.0);
  }

  @Test
  void anAgentCountsTheirOwnLeads() {
    metrics(agentToken, "")
        .jsonPath("$.highlights.newToday").isEqualTo(1)
        .jsonPath("$.highlights.newThisWeek").isEqualTo(1)
        .jsonPath("$.highlights.hot").isEqualTo(1)
        .jsonPath("$.highlights.needsAttention").isEqualTo(0)
        .jsonPath("$.highlights.visitsBooked").isEqualTo(1)
        .jsonPath("$.highlights.visitsUpcoming").isEqualTo(1)
        .jsonPath("$.highlights.won").isEqualTo(0)
        .jsonPath("$.highlights.conversionRate").isEqualTo(0.0)
        .jsonPath("$.highlights.firstResponse.answered").isEqualTo(1)
        .jsonPath("$.highlights.firstResponse.medianSeconds").isEqualTo(20.0)
        .jsonPath("$.weekly[11].leads").isEqualTo(1);
  }

  @Test
  void thePeriodBoundsVisitsAndFirstReplies() {
    // from 55 min ago: the first messages of L2 (answered in 40 s) and L4 (waiting); no visit booked since
    Instant from = now.minus(Duration.ofMinutes(55));
    metrics(admin, "from=" + from + "&to=" + now.minus(Duration.ofMinutes(5)))
        .jsonPath("$.highlights.firstResponse.answered").isEqualTo(1)
        .jsonPath("$.highlights.firstResponse.unanswered").isEqualTo(1)
        .jsonPath("$.highlights.firstResponse.medianSeconds").isEqualTo(40.0)
        .jsonPath("$.highlights.visitsBooked").isEqualTo(0)
        // figures of the moment ignore the period
        .jsonPath("$.highlights.newToday").isEqualTo(1)
        .jsonPath("$.highlights.hot").isEqualTo(1)
        // no lead was created in the period
        .jsonPath("$.highlights.conversionRate").isEmpty();
  }

  @Test
  void weeklyTrendListsEveryWeek() {
    LocalDate current = weekOf(now);
    Map<LocalDate, Integer> leads = new HashMap<>();
    created.values().forEach(at -> leads.merge(weekOf(at), 1, Integer::sum));
    WebTestClient.BodyContentSpec body = metrics(admin, "weeks=3")
        .jsonPath("$.weekly.length()").isEqualTo(3)
        .jsonPath("$.weekly[0].week").isEqualTo(current.minusWeeks(2).toString())
        .jsonPath("$.weekly[0].start").isEqualTo(current.minusWeeks(2).atStartOfDay(SANTIAGO).toInstant().toString())
        .jsonPath("$.weekly[2].week").isEqualTo(current.toString())
        .jsonPath("$.weekly[2].won").isEqualTo(1)
        .jsonPath("$.weekly[2].visits").isEqualTo(2)
        .jsonPath("$.weekly[1].visits").isEqualTo(0);
    for (int w = 0; w < 3; w++) {
      body.jsonPath("$.weekly[" + w + "].leads").isEqualTo(leads.getOrDefault(current.minusWeeks(2 - w), 0));
    }
    // L4 is older than the three weeks: the trend does not count it
    assertThat(weekOf(created.get("L4"))).isBefore(current.minusWeeks(2));
    metrics(admin, "").jsonPath("$.weekly.length()").isEqualTo(12);
  }

  @Test
  void anotherTimeZoneAndBadParameters() {
    ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
    Instant start = now.atZone(kiritimati).toLocalDate().atStartOfDay(kiritimati).toInstant();
    metrics(admin, "timeZone=Pacific/Kiritimati")
        .jsonPath("$.timeZone").isEqualTo("Pacific/Kiritimati")
        .jsonPath("$.highlights.todayStart").isEqualTo(start.toString());
    http.get().uri("/api/v1/pipeline/metrics?timeZone=Mars/Olympus").header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("Mars/Olympus"));
    http.get().uri("/api/v1/pipeline/metrics?weeks=0").header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isBadRequest();
    http.get().uri("/api/v1/pipeline/metrics?weeks=53").header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isBadRequest();
  }
}
