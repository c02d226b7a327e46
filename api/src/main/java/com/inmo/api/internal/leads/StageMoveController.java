package com.inmo.api.internal.leads;

import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.leads.LeadSnapshots;
import com.inmo.api.leads.StageHistory;
import com.inmo.api.web.Problems;
import com.inmo.workflows.activity.StageMoveRecord;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/v1/leads/{leadId}/stage-moves}: 201 whether the move is new or a retry of one
 * recorded (only a new one publishes {@code stage_changed}); 409 while the lead's row does not exist.
 * The lead's current stage itself travels in its snapshot.
 */
@RestController
public class StageMoveController {

  private final LeadSnapshots leads;
  private final StageHistory history;
  private final EventBus events;

  public StageMoveController(LeadSnapshots leads, StageHistory history, EventBus events) {
    this.leads = leads;
    this.history = history;
    this.events = events;
  }

  @PostMapping("/internal/v1/leads/{leadId}/stage-moves")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<Void> record(@PathVariable UUID leadId, @RequestBody StageMoveRecord move) {
    if (move.to() == null) {
      return Mono.error(Problems.badRequest("to is required"));
    }
    if (move.leadId() != null && !move.leadId().equals(leadId)) {
      return Mono.error(Problems.badRequest("leadId in the body differs from the path"));
    }
    // without the workflow's instant a retry could not be recognised; the server's is the best left
    Instant at = move.at() == null ? Instant.now() : move.at();
    String reason = move.reason() == null ? "" : move.reason();
    String actor = move.actor() == null || move.actor().isBlank() ? "ai" : move.actor();
    String from = move.from() == null ? null : move.from().name();
    return leads.find(leadId)
        .switchIfEmpty(Mono.error(() -> Problems.conflict("Lead " + leadId + " has no row yet: save the lead first")))
        .flatMap(lead -> history.append(leadId, lead.brokerId(), from, move.to().name(), reason, actor, at)
            .flatMap(isNew -> isNew
                ? events.publish(LiveEvent.STAGE_CHANGED, lead.brokerSlug(), leadId, lead.workflowId(),
                    new StageHistory.StageMove(from, move.to().name(), reason, actor, at))
                : Mono.empty()));
  }
}
