package com.inmo.api.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The public web chat: sessions, messages handed to Temporal, the conversation as a list and a live stream. */
@ApiIntegrationTest
class WebchatTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  WorkflowClient temporal;
  TestData data;
  TestData.TestBroker broker;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    broker = data.broker();
  }

  private String openSession(String slug) {
    Map<String, Object> body = http.post().uri("/api/v1/webchat/{slug}/sessions", slug).exchange()
        .expectStatus().isCreated()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody();
    return (String) body.get("sessionId");
  }

  private WebTestClient.ResponseSpec post(String slug, Object body) {
    return http.post().uri("/api/v1/webchat/{slug}/messages", slug).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange();
  }

  @Test
  void aSessionIsAnUnguessableTokenOfItsBroker() {
    String session = openSession(broker.slug());

    assertThat(session).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(data.count("SELECT count(*) FROM webchat_sessions WHERE id = :id AND broker_id = :b",
        Map.of("id", session, "b", broker.id()))).isOne();
    http.post().uri("/api/v1/webchat/no-such-broker/sessions").exchange().expectStatus().isNotFound();
  }

  @Test
  void aSessionNamesTheLeadItWillBeSoTheTestChatCanLinkToIt() {
    Map<String, Object> body = http.post().uri("/api/v1/webchat/{slug}/sessions", broker.slug()).exchange()
        .expectStatus().isCreated()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody();
    String session = (String) body.get("sessionId");
    String workflowId = LeadWorkflowIds.webchat(broker.slug(), session);

    assertThat(body).containsEntry("workflowId", workflowId)
        .containsEntry("leadId", LeadWorkflowIds.leadId(workflowId).toString());
    recordLead(workflowId);
    String admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    http.get().uri("/api/v1/leads/{id}", body.get("leadId")).header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.workflowId").isEqualTo(workflowId);
  }

  @Test
  void aMessageStartsTheLeadsWorkflowWithTheInboundSignal() {
    String session = openSession(broker.slug());
    String workflowId = LeadWorkflowIds.webchat(broker.slug(), session);

    post(broker.slug(), Map.of("sessionId", session, "text", "Hola, busco un depto en Ñuñoa", "clientMessageId", "c-1"))
        .expectStatus().isAccepted()
        .expectBody().json("""
            {"messageId": "c-1", "workflowId": "%s", "leadId": "%s"}""".formatted(workflowId,
            LeadWorkflowIds.leadId(workflowId)), true);

    WorkflowExecutionHistory history = temporal.fetchHistory(workflowId);
    List<HistoryEvent> events = history.getEvents();
    assertThat(events.get(0).getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
    assertThat(events.get(0).getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName())
        .isEqualTo("LeadWorkflow");
    assertThat(events.get(0).getWorkflowExecutionStartedEventAttributes().getTaskQueue().getName())
        .isEqualTo("inmo-leads");
    HistoryEvent signal = events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .findFirst().orElseThrow();
    assertThat(signal.getWorkflowExecutionSignaledEventAttributes().getSignalName()).isEqualTo("inbound");
    String payload = signal.getWorkflowExecutionSignaledEventAttributes().getInput().getPayloads(0).getData()
        .toStringUtf8();
    assertThat(payload).contains("\"messageId\":\"c-1\"").contains("Hola, busco un depto en Ñuñoa")
        .contains("\"kind\":\"TEXT\"");
  }

  @Test
  void withoutAClientIdTheMessageGetsAFreshId() {
    String session = openSession(broker.slug());

    post(broker.slug(), Map.of("sessionId", session, "text", "hola")).expectStatus().isAccepted()
        .expectBody().jsonPath("$.messageId").value(id -> UUID.fromString(id.toString()));
  }

  @Test
  void anUnknownSessionOrAnotherBrokersSessionIs404() {
    String session = openSession(broker.slug());
    TestData.TestBroker other = data.broker();

    post(other.slug(), Map.of("sessionId", session, "text", "hola")).expectStatus().isNotFound();
    post(broker.slug(), Map.of("sessionId", "x".repeat(43), "text", "hola")).expectStatus().isNotFound();
    post("no-such-broker", Map.of("sessionId", session, "text", "hola")).expectStatus().isNotFound();
    http.get().uri("/api/v1/webchat/{slug}/sessions/{s}/messages", other.slug(), session).exchange()
        .expectStatus().isNotFound();
    http.get().uri("/api/v1/webchat/{slug}/sessions/{s}/stream", other.slug(), session)
        .accept(MediaType.TEXT_EVENT_STREAM).exchange()
        .expectStatus().isNotFound();
  }

  @Test
  void anEmptyMessageIs400AndAnOverlongOne413() {
    String session = openSession(broker.slug());

    post(broker.slug(), Map.of("sessionId", session, "text", "   ")).expectStatus().isBadRequest();
    post(broker.slug(), Map.of("sessionId", session)).expectStatus().isBadRequest();
    post(broker.slug(), Map.of("sessionId", session, "text", "a".repeat(4001))).expectStatus().isEqualTo(413);
    post(broker.slug(), Map.of("sessionId", session, "text", "a".repeat(4000))).expectStatus().isAccepted();
    post(broker.slug(), Map.of("sessionId", session, "text", "hola", "clientMessageId", "c".repeat(101)))
        .expectStatus().isBadRequest();
    post(broker.slug(), Map.of("sessionId", session, "text", "hola", "padding", "p".repeat(70 * 1024)))
        .expectStatus().isEqualTo(413);
  }

  @Test
  void theConversationIsListedOldestFirst() {
    String session = openSession(broker.slug());
    String workflowId = LeadWorkflowIds.webchat(broker.slug(), session);
    recordLead(workflowId);
    recordMessage(workflowId, "INBOUND", "LEAD", "c-1", "Hola");
    recordMessage(workflowId, "OUTBOUND", "AI", "out-1", "¡Hola! Soy Sofía");

    http.get().uri("/api/v1/webchat/{slug}/sessions/{s}/messages", broker.slug(), session).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.length()").isEqualTo(2)
        .jsonPath("$[0].body").isEqualTo("Hola")
        .jsonPath("$[0].direction").isEqualTo("INBOUND")
        .jsonPath("$[1].author").isEqualTo("AI")
        .jsonPath("$[1].at").isNotEmpty()
        .jsonPath("$[1].id").isNotEmpty();
  }

  @Test
  void theStreamDeliversMessagesRecordedThroughTheInternalEndpoint() {
    String session = openSession(broker.slug());
    String otherSession = openSession(broker.slug());
    String workflowId = LeadWorkflowIds.webchat(broker.slug(), session);
    String otherWorkflowId = LeadWorkflowIds.webchat(broker.slug(), otherSession);
    recordLead(workflowId);
    recordLead(otherWorkflowId);

    FluxExchangeResult<ServerSentEvent<Map<String, Object>>> result = http.get()
        .uri("/api/v1/webchat/{slug}/sessions/{s}/stream", broker.slug(), session)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .exchange()
        .expectStatus().isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { });
    Flux<ServerSentEvent<Map<String, Object>>> messages = result.getResponseBody()
        .filter(e -> "message".equals(e.event()));

    StepVerifier.create(messages)
        .then(() -> {
          recordMessage(otherWorkflowId, "INBOUND", "LEAD", "o-1", "de otra sesión");
          recordMessage(workflowId, "OUTBOUND", "AI", "out-1", "¡Hola! ¿En qué comuna buscas?");
        })
        .assertNext(e -> assertThat(e.data())
            .containsEntry("body", "¡Hola! ¿En qué comuna buscas?")
            .containsEntry("direction", "OUTBOUND")
            .containsEntry("author", "AI")
            .containsKeys("id", "at"))
        .then(() -> recordMessage(workflowId, "INBOUND", "LEAD", "c-2", "En Ñuñoa"))
        .assertNext(e -> assertThat(e.data()).containsEntry("body", "En Ñuñoa").containsEntry("direction", "INBOUND"))
        .thenCancel()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void internalNotesNeverReachTheVisitorButStayInTheDashboard() {
    String session = openSession(broker.slug());
    String workflowId = LeadWorkflowIds.webchat(broker.slug(), session);
    recordLead(workflowId);
    recordMessage(workflowId, "INBOUND", "LEAD", "c-1", "Hola");
    recordMessage(workflowId, "OUTBOUND", "SYSTEM", "note-1", "Ana Agente tomó la conversación");
    recordMessage(workflowId, "OUTBOUND", "HUMAN", "out-1", "Hola, soy Ana");

    http.get().uri("/api/v1/webchat/{slug}/sessions/{s}/messages", broker.slug(), session).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.length()").isEqualTo(2)
        .jsonPath("$[0].author").isEqualTo("LEAD")
        .jsonPath("$[1].author").isEqualTo("HUMAN");
    String admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
    http.get().uri("/api/v1/leads/{id}/messages", LeadWorkflowIds.leadId(workflowId))
        .header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.length()").isEqualTo(3)
        .jsonPath("$[1].author").isEqualTo("SYSTEM");
  }

  @Test
  void theStreamLeavesInternalNotesOut() {
    String session = openSession(broker.slug());
    String workflowId = LeadWorkflowIds.webchat(broker.slug(), session);
    recordLead(workflowId);

    Flux<ServerSentEvent<Map<String, Object>>> messages = http.get()
        .uri("/api/v1/webchat/{slug}/sessions/{s}/stream", broker.slug(), session)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .exchange()
        .expectStatus().isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
        .getResponseBody()
        .filter(e -> "message".equals(e.event()));

    StepVerifier.create(messages)
        .then(() -> {
          recordMessage(workflowId, "OUTBOUND", "SYSTEM", "note-1", "Resumen de la llamada: interesada en Ñuñoa");
          recordMessage(workflowId, "OUTBOUND", "AI", "out-1", "¿Te acomoda el jueves?");
        })
        .assertNext(e -> assertThat(e.data()).containsEntry("author", "AI")
            .containsEntry("body", "¿Te acomoda el jueves?"))
        .thenCancel()
        .verify(Duration.ofSeconds(10));
  }

  private void recordLead(String workflowId) {
    InternalApi.client(internalServer).put().uri("/internal/v1/leads/" + LeadWorkflowIds.leadId(workflowId))
        .header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, null, null, "NEW", 0, "COLD"))
        .exchange().expectStatus().isNoContent();
  }

  private void recordMessage(String workflowId, String direction, String author, String externalId, String body) {
    InternalApi.client(internalServer).post().uri("/internal/v1/leads/" + LeadWorkflowIds.leadId(workflowId) + "/messages")
        .header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.message(workflowId, direction, author, externalId, body))
        .exchange().expectStatus().isCreated();
  }
}
