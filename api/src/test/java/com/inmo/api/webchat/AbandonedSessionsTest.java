package com.inmo.api.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A session opened and never written in is deleted after a day; one that became a lead stays. */
@ApiIntegrationTest
class AbandonedSessionsTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  WebchatSessions sessions;
  @Autowired
  AbandonedSessions abandoned;
  TestData data;
  TestData.TestBroker broker;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    broker = data.broker();
  }

  @Test
  void sessionsThatNeverGotAMessageAreDeletedOnceOld() {
    String silentOld = sessions.create(broker.id()).block();
    String silentNew = sessions.create(broker.id()).block();
    String leadOld = sessions.create(broker.id()).block();
    age(silentOld, Duration.ofHours(25));
    age(leadOld, Duration.ofDays(30));
    recordLead(LeadWorkflowIds.webchat(broker.slug(), leadOld));

    long deleted = abandoned.deleteOlderThan(Duration.ofHours(24)).block();

    assertThat(deleted).isGreaterThanOrEqualTo(1);
    assertThat(exists(silentOld)).isFalse();
    assertThat(exists(silentNew)).as("a session opened a moment ago may still get its first message").isTrue();
    assertThat(exists(leadOld)).as("a session that became a lead stays: its visitor reads the conversation").isTrue();
    http.get().uri("/api/v1/webchat/{slug}/sessions/{s}/messages", broker.slug(), silentOld).exchange()
        .expectStatus().isNotFound();
    http.get().uri("/api/v1/webchat/{slug}/sessions/{s}/messages", broker.slug(), leadOld).exchange()
        .expectStatus().isOk();
  }

  @Test
  void theCleanupRunsOnItsOwnWithTheConfiguredAge() {
    String silentOld = sessions.create(broker.id()).block();
    age(silentOld, Duration.ofDays(2));

    abandoned.run().block();

    assertThat(exists(silentOld)).isFalse();
  }

  private void age(String session, Duration by) {
    data.execute("UPDATE webchat_sessions SET created_at = now() - make_interval(secs => :s) WHERE id = :id",
        Map.of("s", (double) by.toSeconds(), "id", session));
  }

  private boolean exists(String session) {
    return data.count("SELECT count(*) FROM webchat_sessions WHERE id = :id", Map.of("id", session)) == 1;
  }

  private void recordLead(String workflowId) {
    com.inmo.api.support.InternalApi.client(internalServer).put()
        .uri("/internal/v1/leads/" + LeadWorkflowIds.leadId(workflowId)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, null, null, "NEW", 0, "COLD"))
        .exchange().expectStatus().isNoContent();
  }
}
