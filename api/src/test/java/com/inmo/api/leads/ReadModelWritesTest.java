package com.inmo.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** The worker's writes of the read model: lead snapshots, messages, stage moves, notifications. */
@ApiIntegrationTest
class ReadModelWritesTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  WebTestClient internal;
  TestData data;
  TestData.TestBroker broker;
  String workflowId;
  UUID leadId;

  @BeforeEach
  void setUp() {
    internal = InternalApi.client(internalServer);
    data = new TestData(db, jwt);
    broker = data.broker();
    workflowId = LeadWorkflowIds.webchat(broker.slug(), UUID.randomUUID().toString());
    leadId = LeadWorkflowIds.leadId(workflowId);
  }

  private WebTestClient.ResponseSpec putLead(Map<String, Object> snapshot) {
    return internal.put().uri("/internal/v1/leads/" + leadId).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(snapshot).exchange();
  }

  @Test
  void aSnapshotInsertsThenUpdatesTheLeadsRow() {
    putLead(TestData.snapshot(broker.slug(), workflowId, "Ana Pérez", null, "NEW", 12, "COLD"))
        .expectStatus().isNoContent();
    putLead(TestData.snapshot(broker.slug(), workflowId, "Ana Pérez", "+56911112222", "PROFILING", 55, "HOT"))
        .expectStatus().isNoContent();

    Map<String, Object> row = db.sql("SELECT broker_id, name, phone, stage, score, status, dicom_status, bedrooms, "
            + "budget_clp, next_action FROM leads WHERE workflow_id = :w")
        .bind("w", workflowId).fetch().one().block();
    assertThat(row).containsEntry("broker_id", broker.id()).containsEntry("name", "Ana Pérez")
        .containsEntry("phone", "+56911112222").containsEntry("stage", "PROFILING").containsEntry("score", 55)
        .containsEntry("status", "HOT").containsEntry("dicom_status", "CLEAN").containsEntry("bedrooms", 2)
        .containsEntry("budget_clp", 120_000_000L).containsEntry("next_action", "FOLLOW_UP");
    assertThat(data.count("SELECT count(*) FROM leads WHERE workflow_id = :w", Map.of("w", workflowId))).isOne();
  }

  @Test
  void aSnapshotOfAnUnknownBrokerIs404AndAMismatchedIdIs400() {
    putLead(TestData.snapshot("no-such-broker", workflowId, "Ana", null, "NEW", 0, "COLD"))
        .expectStatus().isNotFound();
    internal.put().uri("/internal/v1/leads/" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD"))
        .exchange().expectStatus().isBadRequest();
  }

  @Test
  void aLeadCannotBeMovedToAnotherBroker() {
    putLead(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD")).expectStatus().isNoContent();
    TestData.TestBroker other = data.broker();

    putLead(TestData.snapshot(other.slug(), workflowId, "Ana", null, "NEW", 0, "COLD"))
        .expectStatus().isEqualTo(409);
    assertThat(data.count("SELECT count(*) FROM leads WHERE id = :id AND broker_id = :b",
        Map.of("id", leadId, "b", broker.id()))).isOne();
  }

  @Test
  void openingALeadWritesANewRowButLeavesAnExistingOneAndAnswersWhatItHolds() {
    internal.post().uri("/internal/v1/leads/" + leadId + "/open").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, "Ana Pérez", null, "LOST", 30, "WARM")).exchange()
        .expectStatus().isCreated().expectBody().jsonPath("$.created").isEqualTo(true);
    internal.post().uri("/internal/v1/leads/" + leadId + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("leadId", leadId.toString(), "workflowId", workflowId, "brokerSlug", broker.slug(),
            "from", "NEW", "to", "LOST", "reason", "no response", "actor", "ai", "at", "2026-12-01T13:00:00Z"))
        .exchange().expectStatus().is2xxSuccessful();
    for (int i = 1; i <= 12; i++) {
      internal.post().uri("/internal/v1/leads/" + leadId + "/messages").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(TestData.message(workflowId, i % 2 == 0 ? "OUTBOUND" : "INBOUND", i % 2 == 0 ? "AI" : "LEAD",
              "m-" + i, "mensaje " + i)).exchange().expectStatus().isCreated();
    }

    // a new run of the same lead opens it again: nothing is overwritten, and it learns what the row holds
    internal.post().uri("/internal/v1/leads/" + leadId + "/open").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, null, null, "NEW", 0, "COLD")).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.created").isEqualTo(false)
        .jsonPath("$.known.stage").isEqualTo("LOST")
        .jsonPath("$.known.closeReason").isEqualTo("no response")
        .jsonPath("$.known.fields.name").isEqualTo("Ana Pérez")
        .jsonPath("$.known.lastMessages.length()").isEqualTo(10)
        .jsonPath("$.known.lastMessages[0].text").isEqualTo("mensaje 3")
        .jsonPath("$.known.lastMessages[9].text").isEqualTo("mensaje 12")
        .jsonPath("$.known.lastMessages[9].author").isEqualTo("AI");
    assertThat(db.sql("SELECT name, stage FROM leads WHERE id = :id").bind("id", leadId).fetch().one().block())
        .containsEntry("name", "Ana Pérez").containsEntry("stage", "LOST");

    TestData.TestBroker other = data.broker();
    internal.post().uri("/internal/v1/leads/" + leadId + "/open").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(other.slug(), workflowId, "Eva", null, "NEW", 0, "COLD")).exchange()
        .expectStatus().isEqualTo(409);
  }

  @Test
  void theSameMessageTwiceIsOneRow() {
    putLead(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD")).expectStatus().isNoContent();
    Map<String, Object> message = TestData.message(workflowId, "INBOUND", "LEAD", "tg-1001", "Hola, busco depto");

    internal.post().uri("/internal/v1/leads/" + leadId + "/messages")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(message).exchange()
        .expectStatus().isCreated()
        .expectBody().jsonPath("$.created").isEqualTo(true).jsonPath("$.id").isNotEmpty();
    internal.post().uri("/internal/v1/leads/" + leadId + "/messages")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(message).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.created").isEqualTo(false);

    assertThat(data.count("SELECT count(*) FROM messages WHERE lead_id = :l", Map.of("l", leadId))).isOne();
    assertThat(db.sql("SELECT body, direction, author, broker_id FROM messages WHERE lead_id = :l").bind("l", leadId)
        .fetch().one().block())
        .containsEntry("body", "Hola, busco depto").containsEntry("direction", "INBOUND")
        .containsEntry("author", "LEAD").containsEntry("broker_id", broker.id());
  }

  @Test
  void aMessageBeforeItsLeadIs409AndABadAuthorIs400() {
    internal.post().uri("/internal/v1/leads/" + leadId + "/messages").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.message(workflowId, "INBOUND", "LEAD", "x1", "hola")).exchange()
        .expectStatus().isEqualTo(409);
    putLead(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD")).expectStatus().isNoContent();
    internal.post().uri("/internal/v1/leads/" + leadId + "/messages").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.message(workflowId, "INBOUND", "ROBOT", "x1", "hola")).exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("author"));
  }

  @Test
  void aStageMoveIsRecordedOnceHoweverOftenItIsRetried() {
    putLead(TestData.snapshot(broker.slug(), workflowId, "Ana", null, "PROFILING", 0, "COLD"))
        .expectStatus().isNoContent();
    Map<String, Object> move = new LinkedHashMap<>();
    move.put("leadId", leadId.toString());
    move.put("workflowId", workflowId);
    move.put("brokerSlug", broker.slug());
    move.put("from", "NEW");
    move.put("to", "PROFILING");
    move.put("reason", "primer mensaje");
    move.put("actor", "ai");
    move.put("at", "2026-12-01T13:00:00.123Z");

    for (int i = 0; i < 2; i++) {
      internal.post().uri("/internal/v1/leads/" + leadId + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(move).exchange().expectStatus().isCreated();
    }

    assertThat(db.sql("SELECT from_stage, to_stage, reason, actor, broker_id FROM stage_history WHERE lead_id = :l")
        .bind("l", leadId).fetch().all().collectList().block())
        .singleElement().satisfies(row -> assertThat(row)
            .containsEntry("from_stage", "NEW").containsEntry("to_stage", "PROFILING")
            .containsEntry("reason", "primer mensaje").containsEntry("actor", "ai")
            .containsEntry("broker_id", broker.id()));
  }

  @Test
  void notificationsAreStoredOncePerKey() {
    Map<String, Object> n = new HashMap<>();
    n.put("brokerSlug", broker.slug());
    n.put("kind", "HOT_LEAD");
    n.put("leadId", null);
    n.put("workflowId", workflowId);
    n.put("text", "Lead caliente: Ana");
    n.put("key", "hot-" + workflowId);

    internal.post().uri("/internal/v1/notifications").contentType(MediaType.APPLICATION_JSON).bodyValue(n)
        .exchange().expectStatus().isCreated();
    internal.post().uri("/internal/v1/notifications").contentType(MediaType.APPLICATION_JSON).bodyValue(n)
        .exchange().expectStatus().isOk();

    assertThat(data.count("SELECT count(*) FROM notifications WHERE broker_id = :b", Map.of("b", broker.id())))
        .isOne();
  }

  @Test
  void malformedJsonIs400NamingTheProblem() {
    internal.put().uri("/internal/v1/leads/" + leadId).contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"workflowId\": \"x\", \"channel\": ").exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).containsIgnoringCase("end-of-input"));
  }

  @Test
  void anUnknownEnumValueIs400NamingIt() {
    Map<String, Object> snapshot = TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD");
    snapshot.put("stage", "ALMOST_WON");

    putLead(snapshot).expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("ALMOST_WON"));
  }

  @Test
  void aBodyOverOneMegabyteIs413() {
    Map<String, Object> snapshot = TestData.snapshot(broker.slug(), workflowId, "Ana", null, "NEW", 0, "COLD");
    snapshot.put("source", "x".repeat(1024 * 1024));

    putLead(snapshot).expectStatus().isEqualTo(413);
    // a body just under the limit is read
    snapshot.put("source", "x".repeat(900 * 1024));
    putLead(snapshot).expectStatus().isNoContent();
  }

  @Test
  void aChunkedBodyOverOneMegabyteIs413Too() {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
    // no Content-Length: 17 chunks of whitespace, then a tiny JSON document
    Flux<DataBuffer> body = Flux.range(0, 18)
        .map(i -> (DataBuffer) buffers.wrap(i < 17 ? chunk : "{}".getBytes(StandardCharsets.UTF_8)));

    internal.put().uri("/internal/v1/leads/" + leadId).contentType(MediaType.APPLICATION_JSON)
        .body(body, DataBuffer.class)
        .exchange().expectStatus().isEqualTo(413);
  }
}
