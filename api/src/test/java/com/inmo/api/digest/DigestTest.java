package com.inmo.api.digest;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The daily digest counts the broker's own day: Santiago midnight to midnight, not UTC's. */
@ApiIntegrationTest
class DigestTest {

  static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  static final LocalDate DAY = LocalDate.of(2026, 3, 10); // Santiago is UTC-3 that day

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;

  @Test
  void theDaysFiguresInTheBrokersTimeZone() {
    WebTestClient internal = InternalApi.client(internalServer);
    TestData data = new TestData(db, jwt);
    TestData.TestBroker broker = data.broker();
    Instant start = DAY.atStartOfDay(SANTIAGO).toInstant();
    Instant end = DAY.plusDays(1).atStartOfDay(SANTIAGO).toInstant();

    UUID inTheMorning = lead(internal, data, broker, "HOT", start.plus(Duration.ofHours(1)));
    UUID theEveningBefore = lead(internal, data, broker, "WARM", start.minus(Duration.ofMinutes(1)));
    UUID atNight = lead(internal, data, broker, "QUALIFIED", end.minus(Duration.ofMinutes(1)));
    data.execute("UPDATE leads SET needs_attention = true WHERE id = :id", Map.of("id", theEveningBefore));
    data.execute("UPDATE leads SET human_mode = true WHERE id = :id", Map.of("id", atNight));
    appointment(data, broker, inTheMorning, start.plus(Duration.ofHours(2)));
    appointment(data, broker, theEveningBefore, start.minus(Duration.ofHours(2)));
    data.execute("INSERT INTO stage_history (lead_id, broker_id, from_stage, to_stage, reason, actor, moved_at) "
        + "VALUES (:l, :b, 'PROFILING', 'LOST', 'no response', 'ai', :at)",
        Map.of("l", theEveningBefore, "b", broker.id(), "at", start.plus(Duration.ofHours(5))));

    internal.get().uri("/internal/v1/brokers/" + broker.slug() + "/digest?day=" + DAY).exchange()
        .expectStatus().isOk()
        .expectBody().json("""
            {"brokerSlug": "%s", "day": "2026-03-10", "newLeads": 2, "hotLeads": 2, "visitsBooked": 1,
             "needsAttention": 1, "inHumanMode": 1, "lost": 1}""".formatted(broker.slug()), true);
    internal.get().uri("/internal/v1/brokers/" + broker.slug() + "/digest?day=2026-03-09").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.newLeads").isEqualTo(1).jsonPath("$.visitsBooked").isEqualTo(1)
        .jsonPath("$.hotLeads").isEqualTo(0).jsonPath("$.lost").isEqualTo(0);
  }

  @Test
  void aMissingOrMalformedDayIs400() {
    WebTestClient internal = InternalApi.client(internalServer);
    internal.get().uri("/internal/v1/brokers/demo/digest").exchange().expectStatus().isBadRequest();
    internal.get().uri("/internal/v1/brokers/demo/digest?day=10-03-2026").exchange().expectStatus().isBadRequest();
    internal.get().uri("/internal/v1/brokers/nope-nope/digest?day=2026-03-10").exchange().expectStatus().isNotFound();
  }

  private static UUID lead(WebTestClient internal, TestData data, TestData.TestBroker broker, String status,
                           Instant at) {
    String workflowId = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    UUID id = LeadWorkflowIds.leadId(workflowId);
    internal.put().uri("/internal/v1/leads/" + id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Lead", null, "PROFILING", 60, status))
        .exchange().expectStatus().isNoContent();
    data.execute("UPDATE leads SET created_at = :at, updated_at = :at WHERE id = :id", Map.of("at", at, "id", id));
    return id;
  }

  private static void appointment(TestData data, TestData.TestBroker broker, UUID lead, Instant createdAt) {
    Instant slot = createdAt.plus(Duration.ofDays(3));
    data.execute("INSERT INTO appointments (id, broker_id, lead_id, slot_start, slot_end, created_at) "
            + "VALUES (:id, :b, :l, :s, :e, :c)",
        Map.of("id", UUID.randomUUID(), "b", broker.id(), "l", lead, "s", slot, "e", slot.plus(Duration.ofHours(1)),
            "c", createdAt));
  }
}
