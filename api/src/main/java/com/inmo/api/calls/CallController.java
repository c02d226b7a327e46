package com.inmo.api.calls;

import com.inmo.api.auth.Viewer;
import com.inmo.api.db.Where;
import com.inmo.api.leads.LeadReads;
import com.inmo.api.web.Problems;
import com.inmo.api.web.QueryParams;
import com.inmo.workflows.call.CallStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/calls}: the viewer's calls, newest first, scoped like their leads. Filters: {@code leadId}
 * (a lead the viewer cannot see is 404, like its detail), {@code agentId} (the lead's assigned agent),
 * {@code status} (repeatable), {@code from}/{@code to} on the call's start (from inclusive, to exclusive).
 */
@RestController
public class CallController {

  static final int MAX_LIMIT = 200;
  private final Calls calls;
  private final LeadReads leads;

  public CallController(Calls calls, LeadReads leads) {
    this.calls = calls;
    this.leads = leads;
  }

  @GetMapping("/api/v1/calls")
  public Mono<Calls.CallPage> list(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) UUID leadId,
                                   @RequestParam(required = false) UUID agentId,
                                   @RequestParam(required = false) List<String> status,
                                   @RequestParam(required = false) Instant from,
                                   @RequestParam(required = false) Instant to,
                                   @RequestParam(defaultValue = "50") int limit,
                                   @RequestParam(defaultValue = "0") int offset) {
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      return Mono.error(Problems.badRequest("limit must be 1–" + MAX_LIMIT + " and offset ≥ 0"));
    }
    if (from != null && to != null && !from.isBefore(to)) {
      return Mono.error(Problems.badRequest("from must be before to"));
    }
    return Mono.defer(() -> {
      List<CallStatus> statuses = QueryParams.enumValues(CallStatus.class, status, "status");
      Viewer viewer = Viewer.of(token);
      Where where = LeadReads.scope(viewer);
      if (!statuses.isEmpty()) {
        where.add("c.status = ANY(:statuses)", "statuses", statuses.stream().map(Enum::name).toArray(String[]::new));
      }
      if (agentId != null) {
        where.add("l.assigned_agent_id = :agentId", "agentId", agentId);
      }
      if (from != null) {
        where.add("COALESCE(c.started_at, c.created_at) >= :from", "from", from);
      }
      if (to != null) {
        where.add("COALESCE(c.started_at, c.created_at) < :to", "to", to);
      }
      if (leadId == null) {
        return calls.list(where, limit, offset);
      }
      where.add("c.lead_id = :leadId", "leadId", leadId);
      return leads.find(viewer, leadId)
          .switchIfEmpty(Mono.error(() -> Problems.notFound("No lead " + leadId)))
          .then(calls.list(where, limit, offset));
    });
  }
}
