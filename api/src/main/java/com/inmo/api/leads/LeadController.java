package com.inmo.api.leads;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.inmo.api.auth.Viewer;
import com.inmo.api.messages.ChatMessage;
import com.inmo.api.messages.Messages;
import com.inmo.api.web.Problems;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadView;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The dashboard's lead reads: list with search, stage filter and paging; detail; conversation; stage history. */
@RestController
public class LeadController {

  static final int MAX_LIMIT = 200;

  private final LeadReads leads;
  private final LiveLeadState live;
  private final Messages messages;
  private final StageHistory history;

  public LeadController(LeadReads leads, LiveLeadState live, Messages messages, StageHistory history) {
    this.leads = leads;
    this.live = live;
    this.messages = messages;
    this.history = history;
  }

  @GetMapping("/api/v1/leads")
  public Mono<LeadReads.LeadPage> list(@AuthenticationPrincipal Jwt token,
                                       @RequestParam(required = false) String search,
                                       @RequestParam(required = false) String stage,
                                       @RequestParam(defaultValue = "50") int limit,
                                       @RequestParam(defaultValue = "0") int offset) {
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      return Mono.error(Problems.badRequest("limit must be 1–" + MAX_LIMIT + " and offset ≥ 0"));
    }
    String stageName = null;
    if (stage != null && !stage.isBlank()) {
      try {
        stageName = LeadStage.valueOf(stage.trim().toUpperCase(Locale.ROOT)).name();
      } catch (IllegalArgumentException e) {
        return Mono.error(Problems.badRequest("Unknown stage '" + stage + "'; one of "
            + java.util.Arrays.toString(LeadStage.values())));
      }
    }
    return leads.list(Viewer.of(token), search, stageName, limit, offset);
  }

  /** The row, plus {@code live}: the workflow's own view when it answers within 3 s, else null. */
  @GetMapping("/api/v1/leads/{id}")
  public Mono<LeadDetail> detail(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return visible(token, id).flatMap(row -> live.of(row.workflowId())
        .map(view -> new LeadDetail(row, view.orElse(null))));
  }

  @GetMapping("/api/v1/leads/{id}/messages")
  public Flux<ChatMessage> messages(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return visible(token, id).flatMapMany(row -> messages.ofLead(row.id()));
  }

  @GetMapping("/api/v1/leads/{id}/stage-history")
  public Flux<StageHistory.StageMove> stageHistory(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return visible(token, id).flatMapMany(row -> history.ofLead(row.id()));
  }

  private Mono<LeadRow> visible(Jwt token, UUID id) {
    return leads.find(Viewer.of(token), id).switchIfEmpty(Mono.error(() -> Problems.notFound("No lead " + id)));
  }

  /** The row's fields at the top level, and the workflow's view under {@code live}. */
  public record LeadDetail(@JsonUnwrapped LeadRow lead, LeadView live) {
  }
}
