package com.inmo.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The free slots an agent picks a visit from, in the lead's broker calendar, scoped like the lead. */
@ApiIntegrationTest
class LeadSlotsTest {

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
  String admin;
  UUID lead;

  @BeforeEach
  void setUp() {
    // a loaded build machine: the first requests of a fresh context may take seconds
    http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    data = new TestData(db, jwt);
    broker = data.broker();
    data.openEveryDay(broker);
    admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    lead = lead(broker);
  }

  private UUID lead(TestData.TestBroker owner) {
    String workflowId = LeadWorkflowIds.imported(owner.slug(), UUID.randomUUID());
    UUID id = LeadWorkflowIds.leadId(workflowId);
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + id).header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(owner.slug(), workflowId, "Ana", null, "POTENTIAL", 60, "HOT"))
        .exchange().expectStatus().isNoContent();
    return id;
  }

  @Test
  void theBrokersFreeHourlySlotsFromNowWithinTwoWeeks() {
    Instant before = Instant.now();
    Map<String, Object> body = http.get().uri("/api/v1/leads/" + lead + "/slots?limit=30")
        .header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody();

    assertThat(body).containsEntry("timeZone", "America/Santiago");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> slots = (List<Map<String, String>>) body.get("slots");
    assertThat(slots).hasSize(30);
    for (Map<String, String> slot : slots) {
      Instant start = Instant.parse(slot.get("start"));
      assertThat(start).isAfter(before).isBefore(before.plus(Duration.ofDays(15)));
      assertThat(Duration.between(start, Instant.parse(slot.get("end")))).isEqualTo(Duration.ofHours(1));
    }
    assertThat(slots).extracting(s -> s.get("start")).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void aBlockedDayOffersNothingInIt() {
    Instant now = Instant.now();
    data.block(broker, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3)));

    http.get().uri("/api/v1/leads/" + lead + "/slots?limit=5").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.slots[0].start").value(start ->
            assertThat(Instant.parse((String) start)).isAfterOrEqualTo(now.plus(Duration.ofDays(3))));
  }

  @Test
  void anotherBrokersLeadOrAColleaguesLeadIsNotFound() {
    TestData.TestBroker other = data.broker();
    UUID theirs = lead(other);
    http.get().uri("/api/v1/leads/" + theirs + "/slots").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isNotFound();

    String agent = data.token(data.user(broker, "AGENT"), "AGENT", broker.id());
    http.get().uri("/api/v1/leads/" + lead + "/slots").header("Authorization", "Bearer " + agent).exchange()
        .expectStatus().isNotFound();
  }

  @Test
  void aWindowBeyondWhatTheWorkflowAcceptsIsABadRequest() {
    http.get().uri("/api/v1/leads/" + lead + "/slots?days=15").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isBadRequest();
    http.get().uri("/api/v1/leads/" + lead + "/slots?limit=0").header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isBadRequest();
  }
}
