package com.inmo.api.internal.leads;

import com.inmo.api.brokers.Brokers;
import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.leads.KnownLeads;
import com.inmo.api.leads.LeadSnapshots;
import com.inmo.api.web.Problems;
import com.inmo.workflows.activity.LeadOpening;
import com.inmo.workflows.activity.LeadSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code PUT /internal/v1/leads/{leadId}}: the worker's snapshot of a lead, inserted or updated (204).
 * {@code POST /internal/v1/leads/{leadId}/open}: a new run of the lead's workflow opens its row: 201 and the
 * snapshot written when there was none, else 200 with what the row holds, left as it is.
 */
@RestController
public class LeadSnapshotController {

  private final Brokers brokers;
  private final LeadSnapshots snapshots;
  private final EventBus events;
  private final KnownLeads known;

  public LeadSnapshotController(Brokers brokers, LeadSnapshots snapshots, EventBus events, KnownLeads known) {
    this.brokers = brokers;
    this.snapshots = snapshots;
    this.events = events;
    this.known = known;
  }

  @PostMapping("/internal/v1/leads/{leadId}/open")
  public Mono<ResponseEntity<LeadOpening>> open(@PathVariable UUID leadId, @RequestBody LeadSnapshot snapshot) {
    return valid(leadId, snapshot).flatMap(s -> brokers.require(s.brokerSlug())).flatMap(broker -> snapshots.find(leadId)
        .flatMap(existing -> existing.brokerId().equals(broker.id())
            && existing.workflowId().equals(snapshot.workflowId())
            ? known.find(leadId).map(lead -> ResponseEntity.ok(new LeadOpening(false, lead)))
            : Mono.<ResponseEntity<LeadOpening>>error(Problems.conflict("Lead " + leadId
                + " already belongs to another workflow or broker")))
        .switchIfEmpty(Mono.defer(() -> save(leadId, snapshot)
            .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(new LeadOpening(true, null))))));
  }

  @PutMapping("/internal/v1/leads/{leadId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> save(@PathVariable UUID leadId, @RequestBody LeadSnapshot snapshot) {
    return valid(leadId, snapshot).flatMap(s -> brokers.require(s.brokerSlug()))
        .flatMap(broker -> snapshots.upsert(broker.id(), leadId, snapshot)
            .flatMap(written -> written.saved()
                ? events.publish(LiveEvent.LEAD_UPDATED, broker.slug(), leadId, snapshot.workflowId(), snapshot)
                    .then(flagEvents(broker.slug(), leadId, snapshot, written))
                : Mono.error(Problems.conflict("Lead " + leadId + " or workflow " + snapshot.workflowId()
                    + " already belongs to another lead or broker"))));
  }

  /** The snapshot, or a 400 naming what is wrong with it. */
  private static Mono<LeadSnapshot> valid(UUID leadId, LeadSnapshot snapshot) {
    if (snapshot.leadId() != null && !snapshot.leadId().equals(leadId)) {
      return Mono.error(Problems.badRequest("leadId in the body (" + snapshot.leadId()
          + ") differs from the path (" + leadId + ")"));
    }
    if (snapshot.workflowId() == null || snapshot.workflowId().isBlank() || snapshot.channel() == null) {
      return Mono.error(Problems.badRequest("workflowId and channel are required"));
    }
    return Mono.just(snapshot);
  }

  /** {@code human_mode_changed} and {@code needs_attention} when this snapshot flipped those flags. */
  private Mono<Void> flagEvents(String brokerSlug, UUID leadId, LeadSnapshot s, LeadSnapshots.Written written) {
    Mono<Void> humanMode = written.humanModeChanged()
        ? events.publish(LiveEvent.HUMAN_MODE_CHANGED, brokerSlug, leadId, s.workflowId(),
            Map.of("humanMode", s.humanMode()))
        : Mono.empty();
    Map<String, Object> attention = new LinkedHashMap<>();
    attention.put("needsAttention", s.needsAttention());
    attention.put("reason", s.attentionReason());
    Mono<Void> needsAttention = written.needsAttentionChanged()
        ? events.publish(LiveEvent.NEEDS_ATTENTION, brokerSlug, leadId, s.workflowId(), attention)
        : Mono.empty();
    return humanMode.then(needsAttention);
  }
}
