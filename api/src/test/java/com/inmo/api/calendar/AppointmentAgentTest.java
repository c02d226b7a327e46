package com.inmo.api.calendar;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The calendar's visits name the lead's agent and filter by it: a week of visits per agent. */
@ApiIntegrationTest
class AppointmentAgentTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;

  @Test
  void visitsNameTheirAgentAndFilterByIt() {
    TestData data = new TestData(db, jwt);
    TestData.TestBroker broker = data.broker();
    String admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    UUID agent = data.user(broker, "AGENT");
    UUID assigned = lead(data, broker, "Ana");
    data.assign(assigned, agent);
    UUID unassigned = lead(data, broker, "Beto");
    Instant slot = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    visit(data, broker, assigned, slot);
    visit(data, broker, unassigned, slot.plus(2, ChronoUnit.HOURS));
    String range = "?from=" + slot.minus(1, ChronoUnit.HOURS) + "&to=" + slot.plus(1, ChronoUnit.DAYS);

    http.get().uri("/api/v1/appointments" + range).header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.length()").isEqualTo(2)
        .jsonPath("$[0].leadName").isEqualTo("Ana")
        .jsonPath("$[0].assignedAgentId").isEqualTo(agent.toString())
        .jsonPath("$[1].leadName").isEqualTo("Beto")
        .jsonPath("$[1].assignedAgentId").isEmpty();
    http.get().uri("/api/v1/appointments" + range + "&agentId=" + agent).header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.length()").isEqualTo(1)
        .jsonPath("$[0].leadId").isEqualTo(assigned.toString());
  }

  private static UUID lead(TestData data, TestData.TestBroker broker, String name) {
    UUID id = UUID.randomUUID();
    data.execute("INSERT INTO leads (id, broker_id, workflow_id, channel, name) VALUES (:id, :b, :w, 'WEBCHAT', :n)",
        Map.of("id", id, "b", broker.id(), "w", "lead-cal-" + id, "n", name));
    return id;
  }

  private static void visit(TestData data, TestData.TestBroker broker, UUID lead, Instant slot) {
    data.execute("INSERT INTO appointments (id, broker_id, lead_id, slot_start, slot_end) VALUES (:id, :b, :l, :s, :e)",
        Map.of("id", UUID.randomUUID(), "b", broker.id(), "l", lead, "s", slot, "e", slot.plus(1, ChronoUnit.HOURS)));
  }
}
