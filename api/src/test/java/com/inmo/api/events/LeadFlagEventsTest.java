package com.inmo.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The lead snapshot's writes publish {@code human_mode_changed} and {@code needs_attention} when, and only when, those flip. */
@ApiIntegrationTest
class LeadFlagEventsTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  EventBus bus;

  @Test
  void flagEventsFollowTheSnapshotsFlags() {
    TestData.TestBroker broker = new TestData(db, jwt).broker();
    String workflowId = LeadWorkflowIds.webchat(broker.slug(), UUID.randomUUID().toString());
    UUID leadId = LeadWorkflowIds.leadId(workflowId);
    String end = "end-" + UUID.randomUUID();
    var collected = bus.events()
        .filter(e -> workflowId.equals(e.workflowId()) || end.equals(e.workflowId()))
        .takeUntil(e -> end.equals(e.workflowId()))
        .filter(e -> !LiveEvent.LEAD_UPDATED.equals(e.type()) && !end.equals(e.workflowId()))
        .map(e -> e.type() + " " + e.data().toString())
        .collectList()
        .toFuture();

    Map<String, Object> s = TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD");
    put(leadId, s); // new, both flags off: nothing
    s.put("humanMode", true);
    put(leadId, s); // human mode on
    put(leadId, s); // unchanged: nothing
    s.put("needsAttention", true);
    s.put("attentionReason", "pidió hablar con una persona");
    put(leadId, s); // needs attention on
    s.put("humanMode", false);
    s.put("needsAttention", false);
    s.put("attentionReason", null);
    put(leadId, s); // both off
    bus.publish(LiveEvent.NOTIFICATION, broker.slug(), null, end, Map.of()).block(Duration.ofSeconds(5));

    List<String> events = collected.join();
    assertThat(events).containsExactly(
        "human_mode_changed {\"humanMode\":true}",
        "needs_attention {\"needsAttention\":true,\"reason\":\"pidió hablar con una persona\"}",
        "human_mode_changed {\"humanMode\":false}",
        "needs_attention {\"needsAttention\":false,\"reason\":null}");
  }

  @Test
  void aNewLeadThatNeedsAttentionIsAnnounced() {
    TestData.TestBroker broker = new TestData(db, jwt).broker();
    String workflowId = LeadWorkflowIds.webchat(broker.slug(), UUID.randomUUID().toString());
    var first = bus.events().filter(e -> workflowId.equals(e.workflowId()) && LiveEvent.NEEDS_ATTENTION.equals(e.type()))
        .next().toFuture();
    Map<String, Object> s = TestData.snapshot(broker.slug(), workflowId, "Bruno", null, "NEW", 0, "COLD");
    s.put("needsAttention", true);
    s.put("attentionReason", "molesto");
    put(LeadWorkflowIds.leadId(workflowId), s);
    assertThat(first.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join().data().path("reason").asString())
        .isEqualTo("molesto");
  }

  private void put(UUID leadId, Map<String, Object> snapshot) {
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + leadId).header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(snapshot).exchange().expectStatus().isNoContent();
  }
}
