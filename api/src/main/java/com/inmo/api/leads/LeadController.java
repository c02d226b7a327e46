package com.inmo.api.leads;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.inmo.api.gateway.LeadGateway;
import com.inmo.api.auth.Viewer;
import com.inmo.api.messages.ChatMessage;
import com.inmo.api.messages.Messages;
import com.inmo.api.web.Problems;
import com.inmo.api.web.QueryParams;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadStatus;
import com.inmo.workflows.lead.LeadView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The dashboard's lead reads: list with filters, search, sort and paging; detail; conversation; stage history. */
@RestController
public class LeadController {

  static final int MAX_LIMIT = 200;

  private final LeadReads leads;
  private final LeadGateway gateway;
  private final Messages messages;
  private final StageHistory history;

  public LeadController(LeadReads leads, LeadGateway gateway, Messages messages, StageHistory history) {
    this.leads = leads;
    this.gateway = gateway;
    this.messages = messages;
    this.history = history;
  }

  /**
   * Filters (each optional, repeatable ones as {@code stage=A&stage=B} or {@code stage=A,B}), {@code sort}
   * ({@link LeadSort}; {@code -} before it for descending; default newest activity first), and paging by
   * {@code offset} or by the opaque {@code cursor} of a previous page's {@code nextCursor}.
   */
  @GetMapping("/api/v1/leads")
  public Mono<LeadReads.LeadPage> list(@AuthenticationPrincipal Jwt token,
                                       @RequestParam(required = false) String search,
                                       @RequestParam(required = false) List<String> stage,
                                       @RequestParam(required = false) List<String> status,
                                       @RequestParam(required = false) List<String> channel,
                                       @RequestParam(required = false) Integer scoreMin,
                                       @RequestParam(required = false) Integer scoreMax,
                                       @RequestParam(required = false) UUID agentId,
                                       @RequestParam(defaultValue = "false") boolean unassigned,
                                       @RequestParam(required = false) Boolean needsAttention,
                                       @RequestParam(required = false) Boolean humanMode,
                                       @RequestParam(required = false) Instant createdFrom,
                                       @RequestParam(required = false) Instant createdTo,
                                       @RequestParam(required = false) Instant lastContactFrom,
                                       @RequestParam(required = false) Instant lastContactTo,
                                       @RequestParam(required = false) String sort,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(defaultValue = "50") int limit,
                                       @RequestParam(defaultValue = "0") int offset) {
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      return Mono.error(Problems.badRequest("limit must be 1–" + MAX_LIMIT + " and offset ≥ 0"));
    }
    if (cursor != null && !cursor.isBlank() && offset > 0) {
      return Mono.error(Problems.badRequest("page with cursor or with offset, not both"));
    }
    return Mono.defer(() -> {
      LeadQuery query = new LeadQuery(QueryParams.enumValues(LeadStage.class, stage, "stage"),
          QueryParams.enumValues(LeadStatus.class, status, "status"),
          QueryParams.enumValues(Channel.class, channel, "channel"), scoreMin, scoreMax, agentId, unassigned,
          needsAttention, humanMode, createdFrom, createdTo, lastContactFrom, lastContactTo, search);
      LeadSort.Order order = LeadSort.Order.parse(sort);
      LeadCursor after = cursor == null || cursor.isBlank() ? null : LeadCursor.decode(cursor);
      return leads.list(Viewer.of(token), query, order, after, limit, offset);
    });
  }

  /** The row, plus {@code live}: the workflow's own view when it answers within 3 s, else null. */
  @GetMapping("/api/v1/leads/{id}")
  public Mono<LeadDetail> detail(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return visible(token, id).flatMap(row -> gateway.state(row.workflowId())
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
