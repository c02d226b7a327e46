package com.inmo.api.leads;

import com.inmo.api.auth.Role;
import com.inmo.api.auth.UserAccounts;
import com.inmo.api.auth.Viewer;
import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.gateway.LeadGateway;
import com.inmo.api.gateway.LeadUpdate;
import com.inmo.api.web.Problems;
import com.inmo.workflows.lead.BookVisitRequest;
import com.inmo.workflows.lead.CallNowRequest;
import com.inmo.workflows.lead.CancelVisitRequest;
import com.inmo.workflows.lead.HumanMessageRequest;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.MoveStageRequest;
import com.inmo.workflows.lead.OptOutRequest;
import com.inmo.workflows.lead.ReleaseRequest;
import com.inmo.workflows.lead.RetryStepRequest;
import com.inmo.workflows.lead.TakeOverRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What an agent does to a lead from the dashboard. Each action is an update of the lead's workflow and
 * answers with its result (the lead's new state) or its refusal; scoping is the reads' (another tenant's
 * lead, or an agent's colleague's, is 404).
 */
@RestController
public class LeadActionsController {

  private final LeadReads leads;
  private final LeadGateway gateway;
  private final UserAccounts users;
  private final LeadAssignments assignments;
  private final EventBus events;

  public LeadActionsController(LeadReads leads, LeadGateway gateway, UserAccounts users,
                               LeadAssignments assignments, EventBus events) {
    this.leads = leads;
    this.gateway = gateway;
    this.users = users;
    this.assignments = assignments;
    this.events = events;
  }

  @PostMapping("/api/v1/leads/{id}/takeover")
  public Mono<LeadView> takeOver(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return lead(token, id).flatMap(row -> name(token).flatMap(name -> gateway.update(row.workflowId(),
        LeadUpdate.takeOver(new TakeOverRequest(token.getSubject(), name)))));
  }

  @PostMapping("/api/v1/leads/{id}/release")
  public Mono<LeadView> release(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                @RequestBody(required = false) NoteBody body) {
    String note = body == null ? null : body.note();
    return lead(token, id).flatMap(row -> gateway.update(row.workflowId(),
        LeadUpdate.release(new ReleaseRequest(token.getSubject(), note))));
  }

  @PostMapping("/api/v1/leads/{id}/messages")
  public Mono<LeadView> write(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody TextBody body,
                              @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    if (body.text() == null || body.text().isBlank()) {
      return Mono.error(Problems.badRequest("text must not be empty"));
    }
    if (body.text().length() > 4_000) {
      return Mono.error(Problems.tooLarge("text must be at most 4000 characters"));
    }
    // without a key each request is its own message; with one, a retry (after a 503 or a timeout) is the same
    String given = blankToNull(key);
    String requestId = given == null ? UUID.randomUUID().toString() : given;
    return lead(token, id).flatMap(row -> name(token).flatMap(name -> gateway.update(row.workflowId(),
        LeadUpdate.sendHumanMessage(new HumanMessageRequest(token.getSubject(), name, body.text(), requestId)))));
  }

  @PostMapping("/api/v1/leads/{id}/stage")
  public Mono<LeadView> move(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody StageBody body) {
    if (body.stage() == null) {
      return Mono.error(Problems.badRequest("stage is required: one of " + java.util.Arrays.toString(LeadStage.values())));
    }
    return lead(token, id).flatMap(row -> gateway.update(row.workflowId(),
        LeadUpdate.moveStage(new MoveStageRequest(token.getSubject(), body.stage(), body.reason()))));
  }

  /** An {@code Idempotency-Key} makes a retried request one call (the workflow remembers the key). */
  @PostMapping("/api/v1/leads/{id}/call")
  public Mono<LeadView> call(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                             @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    return lead(token, id).flatMap(row -> gateway.update(row.workflowId(),
        LeadUpdate.callNow(new CallNowRequest(token.getSubject(), blankToNull(key)))));
  }

  /** An {@code Idempotency-Key} makes a retried request one booking (the workflow remembers the key). */
  @PostMapping("/api/v1/leads/{id}/appointments")
  public Mono<LeadView> book(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody SlotBody body,
                             @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    if (body.slotStart() == null) {
      return Mono.error(Problems.badRequest("slotStart is required (ISO-8601 instant)"));
    }
    return lead(token, id).flatMap(row -> gateway.update(row.workflowId(),
        LeadUpdate.bookVisit(new BookVisitRequest(token.getSubject(), body.slotStart(), blankToNull(key)))));
  }

  /** The caller's idempotency key, or null; a key longer than any UUID-like token is refused. */
  private static String blankToNull(String key) {
    if (key != null && key.length() > MAX_KEY) {
      throw Problems.badRequest("Idempotency-Key must be at most " + MAX_KEY + " characters");
    }
    return key == null || key.isBlank() ? null : key.trim();
  }

  private static final int MAX_KEY = 200;

  @DeleteMapping("/api/v1/leads/{id}/appointments/{appointmentId}")
  public Mono<LeadView> cancel(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                               @PathVariable UUID appointmentId) {
    return lead(token, id).flatMap(row -> gateway.update(row.workflowId(),
        LeadUpdate.cancelVisit(new CancelVisitRequest(token.getSubject(), appointmentId, "cancelled by an agent"))));
  }

  @PostMapping("/api/v1/leads/{id}/retry")
  public Mono<LeadView> retry(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return lead(token, id).flatMap(row -> gateway.update(row.workflowId(),
        LeadUpdate.retryFailedStep(new RetryStepRequest(token.getSubject()))));
  }

  /** Recorded at once (a signal): the lead is never contacted again. */
  @PostMapping("/api/v1/leads/{id}/opt-out")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Mono<Map<String, String>> optOut(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                          @RequestBody(required = false) NoteBody body) {
    String reason = body == null || body.note() == null ? "registrado por un agente" : body.note();
    return lead(token, id).flatMap(row -> gateway.optOut(row.workflowId(),
            new OptOutRequest(token.getSubject(), reason))
        .thenReturn(Map.of("workflowId", row.workflowId())));
  }

  /**
   * Who works the lead is a read-model matter (what each agent sees), so it is written here, for an agent of
   * the lead's own broker; ADMIN and SUPERADMIN only. A lead the viewer cannot see is 404 before any role
   * check (an agent learns nothing about a colleague's lead); an agent is refused (403) only on their own.
   */
  @PostMapping("/api/v1/leads/{id}/assign")
  public Mono<Map<String, Object>> assign(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                          @RequestBody AssignBody body) {
    Viewer viewer = Viewer.of(token);
    return lead(token, id).flatMap(row -> {
      if (viewer.role() == Role.AGENT) {
        return Mono.error(new org.springframework.web.server.ResponseStatusException(HttpStatus.FORBIDDEN,
            "only an admin assigns leads"));
      }
      if (body.agentId() == null) {
        return Mono.error(Problems.badRequest("agentId is required"));
      }
      return assign(row, body);
    });
  }

  private Mono<Map<String, Object>> assign(LeadRow row, AssignBody body) {
    return users.findById(body.agentId())
        .filter(agent -> agent.active() && row.brokerId().equals(agent.brokerId()))
        .switchIfEmpty(Mono.error(() -> Problems.notFound("No agent " + body.agentId() + " in this broker")))
        .flatMap(agent -> assignments.assign(row.id(), agent.id())
            .then(events.publish(LiveEvent.LEAD_ASSIGNED, row.brokerSlug(), row.id(), row.workflowId(),
                Map.of("agentId", agent.id(), "agentName", agent.fullName(), "at", Instant.now())))
            .thenReturn(Map.<String, Object>of("leadId", row.id(), "agentId", agent.id())));
  }

  private Mono<LeadRow> lead(Jwt token, UUID id) {
    return leads.find(Viewer.of(token), id).switchIfEmpty(Mono.error(() -> Problems.notFound("No lead " + id)));
  }

  private Mono<String> name(Jwt token) {
    return users.findById(UUID.fromString(token.getSubject())).map(u -> u.fullName())
        .defaultIfEmpty(String.valueOf(token.getClaimAsString("email")));
  }

  public record NoteBody(String note) {
  }

  public record TextBody(String text) {
  }

  public record StageBody(LeadStage stage, String reason) {
  }

  public record SlotBody(Instant slotStart) {
  }

  public record AssignBody(UUID agentId) {
  }
}
