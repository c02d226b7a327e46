package com.inmo.api.webchat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.gateway.LeadGateway;
import com.inmo.api.messages.Messages;
import com.inmo.api.web.Problems;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public web chat widget's API. A visitor opens a session (its token is their identity), posts
 * messages that go straight to the lead's workflow (signal-with-start: the first one creates it, and Temporal
 * holds each durably before the 202), and reads the conversation as a list or a live stream.
 * Opening sessions and posting messages are budgeted ({@link WebchatLimits}).
 */
@RestController
public class WebchatController {

  static final int MAX_TEXT = 4000;
  static final int MAX_CLIENT_ID = 100;
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  /**
   * What was said to or by the lead. Everything else in the conversation (SYSTEM rows: "X took the
   * conversation", an agent's release note, call summaries) is the team's and stays in the dashboard.
   */
  static final Set<String> VISITOR_AUTHORS = Set.of("LEAD", "AI", "HUMAN");

  private final Brokers brokers;
  private final WebchatSessions sessions;
  private final LeadGateway gateway;
  private final Messages messages;
  private final EventBus events;
  private final JsonMapper json;
  private final WebchatLimits limits;

  public WebchatController(Brokers brokers, WebchatSessions sessions, LeadGateway gateway, Messages messages,
                           EventBus events, JsonMapper json, WebchatLimits limits) {
    this.brokers = brokers;
    this.sessions = sessions;
    this.limits = limits;
    this.gateway = gateway;
    this.messages = messages;
    this.events = events;
    this.json = json;
  }

  @PostMapping("/api/v1/webchat/{brokerSlug}/sessions")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<SessionCreated> open(@PathVariable String brokerSlug, ServerHttpRequest request) {
    return brokers.require(brokerSlug).flatMap(b -> limits.newSession(request)
        .then(sessions.create(b.id()))
        .map(id -> SessionCreated.of(b.slug(), id)));
  }

  @PostMapping("/api/v1/webchat/{brokerSlug}/messages")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Mono<Accepted> post(@PathVariable String brokerSlug, @RequestBody VisitorMessage m) {
    if (m.sessionId() == null || m.sessionId().isBlank()) {
      return Mono.error(Problems.badRequest("sessionId is required"));
    }
    if (m.text() == null || m.text().isBlank()) {
      return Mono.error(Problems.badRequest("text is empty"));
    }
    String text = m.text().strip();
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      return Mono.error(Problems.tooLarge("text is longer than " + MAX_TEXT + " characters"));
    }
    if (m.clientMessageId() != null && (m.clientMessageId().isBlank() || m.clientMessageId().length() > MAX_CLIENT_ID)) {
      return Mono.error(Problems.badRequest("clientMessageId must be 1–" + MAX_CLIENT_ID + " characters"));
    }
    // the widget's id makes a resent message (a flaky connection) one message in the workflow
    String messageId = m.clientMessageId() != null ? m.clientMessageId() : UUID.randomUUID().toString();
    return session(brokerSlug, m.sessionId()).flatMap(broker -> {
      String workflowId = LeadWorkflowIds.webchat(broker.slug(), m.sessionId());
      LeadStart start = new LeadStart(broker.slug(), Channel.WEBCHAT, m.sessionId(), "webchat", null, null);
      InboundMessage message = new InboundMessage(messageId, com.inmo.workflows.lead.MessageKind.TEXT, text, Instant.now(), null, null);
      return limits.message(m.sessionId()).then(gateway.inbound(workflowId, start, message))
          .thenReturn(new Accepted(messageId, workflowId, LeadWorkflowIds.leadId(workflowId)));
    });
  }

  @GetMapping("/api/v1/webchat/{brokerSlug}/sessions/{sessionId}/messages")
  public Flux<WebchatMessage> list(@PathVariable String brokerSlug, @PathVariable String sessionId) {
    return session(brokerSlug, sessionId).flatMapMany(broker ->
        messages.ofWorkflow(LeadWorkflowIds.webchat(broker.slug(), sessionId))
            .map(c -> new WebchatMessage(c.id(), c.direction(), c.author(), c.body(), c.at()))
            .filter(WebchatMessage::forVisitor));
  }

  /**
   * One {@code message} event per new message of the session said to or by the lead, both directions; a
   * comment every 15 s.
   */
  @GetMapping(path = "/api/v1/webchat/{brokerSlug}/sessions/{sessionId}/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<ServerSentEvent<WebchatMessage>> stream(@PathVariable String brokerSlug, @PathVariable String sessionId,
                                                     ServerHttpResponse response) {
    // proxies (nginx) must pass events through as they come
    response.getHeaders().set("X-Accel-Buffering", "no");
    response.getHeaders().setCacheControl("no-cache");
    return session(brokerSlug, sessionId).flatMapMany(broker -> {
      String workflowId = LeadWorkflowIds.webchat(broker.slug(), sessionId);
      Flux<ServerSentEvent<WebchatMessage>> mine = events.events()
          .filter(e -> LiveEvent.MESSAGE.equals(e.type()) && workflowId.equals(e.workflowId()) && e.data() != null)
          .onBackpressureBuffer(256, BufferOverflowStrategy.DROP_OLDEST)
          .map(e -> json.treeToValue(e.data(), WebchatMessage.class))
          .filter(WebchatMessage::forVisitor)
          .map(msg -> ServerSentEvent.builder(msg).event("message").id(msg.id().toString()).build());
      Flux<ServerSentEvent<WebchatMessage>> heartbeat = Flux.interval(HEARTBEAT)
          .map(i -> ServerSentEvent.<WebchatMessage>builder().comment("heartbeat").build());
      // the events are subscribed before the opening comment goes out: nothing published after it is missed
      return Flux.merge(mine, Mono.just(ServerSentEvent.<WebchatMessage>builder().comment("connected").build()),
          heartbeat);
    });
  }

  /** The broker, when the session is its own; 404 for an unknown broker or session alike. */
  private Mono<Broker> session(String brokerSlug, String sessionId) {
    return brokers.require(brokerSlug)
        .filterWhen(b -> sessions.exists(b.id(), sessionId))
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Unknown web chat session")));
  }

  /**
   * A new session, with the workflow id and read-model id its lead will have once the visitor writes (the
   * dashboard's test chat links to the lead; the row exists only after the first message is handled).
   */
  public record SessionCreated(String sessionId, String workflowId, UUID leadId) {

    static SessionCreated of(String brokerSlug, String sessionId) {
      String workflowId = LeadWorkflowIds.webchat(brokerSlug, sessionId);
      return new SessionCreated(sessionId, workflowId, LeadWorkflowIds.leadId(workflowId));
    }
  }

  public record VisitorMessage(String sessionId, String text, String clientMessageId) {
  }

  public record Accepted(String messageId, String workflowId, UUID leadId) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WebchatMessage(UUID id, String direction, String author, String body, Instant at) {

    boolean forVisitor() {
      return VISITOR_AUTHORS.contains(author);
    }
  }
}
