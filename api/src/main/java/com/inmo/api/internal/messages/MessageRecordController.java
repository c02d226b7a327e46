package com.inmo.api.internal.messages;

import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.messages.ChatMessage;
import com.inmo.api.messages.Messages;
import com.inmo.api.web.Problems;
import com.inmo.workflows.activity.MessageRecord;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/v1/leads/{leadId}/messages}: 201 for a new message (and a {@code message} event),
 * 200 when the activity's retry brings one already recorded, 409 while the lead's row does not exist yet
 * (the worker saves the lead first; its retry then succeeds).
 *
 * <p>{@code GET /internal/v1/leads/{leadId}/messages/{externalId}}: the message or 404. A channel sender
 * asks before sending whether its outbound key was already sent (and recorded), so a retried activity
 * never sends one reply twice.
 */
@RestController
public class MessageRecordController {

  private static final Set<String> DIRECTIONS = Set.of("INBOUND", "OUTBOUND");
  private static final Set<String> AUTHORS = Set.of("LEAD", "AI", "HUMAN", "SYSTEM");

  private final Messages messages;
  private final EventBus events;

  public MessageRecordController(Messages messages, EventBus events) {
    this.messages = messages;
    this.events = events;
  }

  @PostMapping("/internal/v1/leads/{leadId}/messages")
  public Mono<ResponseEntity<Recorded>> record(@PathVariable UUID leadId, @RequestBody MessageRecord m) {
    String direction = upper(m.direction());
    String author = upper(m.author());
    if (!DIRECTIONS.contains(direction)) {
      return Mono.error(Problems.badRequest("direction must be one of " + DIRECTIONS + ", got " + m.direction()));
    }
    if (!AUTHORS.contains(author)) {
      return Mono.error(Problems.badRequest("author must be one of " + AUTHORS + ", got " + m.author()));
    }
    if (m.externalId() == null || m.externalId().isBlank() || m.body() == null) {
      return Mono.error(Problems.badRequest("externalId and body are required"));
    }
    if (m.leadId() != null && !m.leadId().equals(leadId)) {
      return Mono.error(Problems.badRequest("leadId in the body differs from the path"));
    }
    Instant at = m.at() == null ? Instant.now() : m.at();
    return messages.insertForLead(leadId, direction, author, uuidOrNull(m.authorUserId()), m.externalId(), m.body(),
            at)
        .switchIfEmpty(Mono.error(() -> Problems.conflict("Lead " + leadId + " has no row yet: save the lead first")))
        .flatMap(recorded -> recorded.saved() != null
            ? announce(recorded.lead(), recorded.saved())
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(new Recorded(recorded.saved().id(), true)))
            : messages.idOf(leadId, m.externalId()).map(id -> ResponseEntity.ok(new Recorded(id, false))));
  }

  @GetMapping("/internal/v1/leads/{leadId}/messages/{externalId}")
  public Mono<ChatMessage> find(@PathVariable UUID leadId, @PathVariable String externalId) {
    return messages.find(leadId, externalId)
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Lead " + leadId + " has no message " + externalId)));
  }

  /**
   * The {@code message} event. On the web chat it is the delivery (the visitor's stream shows it): the answer
   * waits for it. On other channels the channel already took the message, and this record is the sender's
   * ledger of it: the answer goes at once and the event follows, so the window in which a crash could make a
   * retry send the message again is one insert wide, not an insert plus a publish (up to its 2 s timeout when
   * Redis is slow or down).
   */
  private Mono<Void> announce(com.inmo.api.leads.LeadSnapshots.LeadRef lead, ChatMessage saved) {
    Mono<Void> publish = events.publish(LiveEvent.MESSAGE, lead.brokerSlug(), lead.id(), lead.workflowId(), saved);
    if ("WEBCHAT".equals(lead.channel())) {
      return publish;
    }
    publish.subscribe();
    return Mono.empty();
  }

  private static String upper(String s) {
    return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
  }

  /** authorUserId is free text in the record; only a user id fits the column. */
  private static UUID uuidOrNull(String s) {
    try {
      return s == null || s.isBlank() ? null : UUID.fromString(s.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** @param created false when the message had been recorded before */
  public record Recorded(UUID id, boolean created) {
  }
}
