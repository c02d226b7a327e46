package com.inmo.api.calendar;

import com.inmo.api.auth.Viewer;
import com.inmo.api.leads.LeadReads;
import com.inmo.api.web.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/appointments?from=&to=&leadId=&agentId=&status=}: visits starting in [from, to) (default:
 * from now, 30 days), scoped like leads: a superadmin all, an admin their broker, an agent the visits of their
 * leads. {@code leadId} of a lead the viewer cannot see is 404; {@code agentId} is the lead's assigned agent;
 * {@code status} BOOKED or CANCELLED. Each row names the lead's assigned agent ({@code assignedAgentId}, null when
 * unassigned), so a calendar shows whose visit it is.
 */
@RestController
public class AppointmentController {

  static final Duration DEFAULT_SPAN = Duration.ofDays(30);
  static final Duration MAX_SPAN = Duration.ofDays(366);
  private final DatabaseClient db;
  private final LeadReads leads;

  public AppointmentController(DatabaseClient db, LeadReads leads) {
    this.db = db;
    this.leads = leads;
  }

  /** An appointment's state. */
  enum Status {
    BOOKED, CANCELLED
  }

  @GetMapping("/api/v1/appointments")
  public Flux<AppointmentRow> list(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) Instant from,
                                   @RequestParam(required = false) Instant to,
                                   @RequestParam(required = false) UUID leadId,
                                   @RequestParam(required = false) UUID agentId,
                                   @RequestParam(required = false) String status) {
    Instant start = from == null ? Instant.now() : from;
    Instant end = to == null ? start.plus(DEFAULT_SPAN) : to;
    if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
      return Flux.error(Problems.badRequest("to must be after from, at most 366 days later"));
    }
    String onlyStatus;
    try {
      onlyStatus = status == null || status.isBlank() ? null : Status.valueOf(status.trim().toUpperCase(Locale.ROOT)).name();
    } catch (IllegalArgumentException e) {
      return Flux.error(Problems.badRequest("Unknown status '" + status + "'; one of " + Arrays.toString(Status.values())));
    }
    Viewer viewer = Viewer.of(token);
    if (leadId != null) {
      // a lead the viewer cannot see does not exist for them, like its detail
      return leads.find(viewer, leadId).switchIfEmpty(Mono.error(() -> Problems.notFound("No lead " + leadId)))
          .thenMany(query(viewer, start, end, leadId, agentId, onlyStatus));
    }
    return query(viewer, start, end, null, agentId, onlyStatus);
  }

  private Flux<AppointmentRow> query(Viewer viewer, Instant start, Instant end, UUID leadId, UUID agentId,
                                     String status) {
    StringBuilder sql = new StringBuilder("""
        SELECT a.id, b.slug, a.lead_id, COALESCE(a.lead_name, l.name) AS lead_name, l.assigned_agent_id, a.workflow_id,
               a.slot_start, a.slot_end, a.status, a.notes, a.created_at, a.cancelled_at, a.cancel_reason,
               a.calendar_provider, a.google_event_link, a.meet_link, a.calendar_sync_error
          FROM appointments a JOIN brokers b ON b.id = a.broker_id LEFT JOIN leads l ON l.id = a.lead_id
         WHERE a.slot_start >= :from AND a.slot_start < :to""");
    if (!viewer.seesAllBrokers()) {
      sql.append(" AND a.broker_id = :broker");
    }
    if (viewer.onlyAssignedTo() != null) {
      sql.append(" AND l.assigned_agent_id = :agent");
    }
    if (leadId != null) {
      sql.append(" AND a.lead_id = :lead");
    }
    if (agentId != null) {
      sql.append(" AND l.assigned_agent_id = :assignee");
    }
    if (status != null) {
      sql.append(" AND a.status = :status");
    }
    sql.append(" ORDER BY a.slot_start, a.id");
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("from", start).bind("to", end);
    if (leadId != null) {
      spec = spec.bind("lead", leadId);
    }
    if (agentId != null) {
      spec = spec.bind("assignee", agentId);
    }
    if (status != null) {
      spec = spec.bind("status", status);
    }
    if (!viewer.seesAllBrokers()) {
      spec = spec.bind("broker", viewer.brokerId() == null ? new UUID(0, 0) : viewer.brokerId());
    }
    if (viewer.onlyAssignedTo() != null) {
      spec = spec.bind("agent", viewer.onlyAssignedTo());
    }
    return spec.map((r, meta) -> new AppointmentRow(r.get("id", UUID.class), r.get("slug", String.class),
            r.get("lead_id", UUID.class), r.get("lead_name", String.class), r.get("assigned_agent_id", UUID.class),
            r.get("workflow_id", String.class),
            r.get("slot_start", Instant.class), r.get("slot_end", Instant.class), r.get("status", String.class),
            r.get("notes", String.class), r.get("created_at", Instant.class), r.get("cancelled_at", Instant.class),
            r.get("cancel_reason", String.class), r.get("calendar_provider", String.class),
            r.get("google_event_link", String.class), r.get("meet_link", String.class),
            r.get("calendar_sync_error", String.class)))
        .all();
  }

  /**
   * @param assignedAgentId   the lead's agent, who goes to the visit
   * @param calendarProvider  {@code google} when the visit was also put in a Google calendar, else null (local only)
   * @param calendarEventLink the Google event's page; {@code meetLink} its Google Meet link when the broker wants one
   * @param calendarSyncError why the Google event could not be created (the visit stands in the local calendar)
   */
  public record AppointmentRow(UUID id, String brokerSlug, UUID leadId, String leadName, UUID assignedAgentId,
                               String workflowId,
                               Instant slotStart, Instant slotEnd, String status, String notes, Instant createdAt,
                               Instant cancelledAt, String cancelReason, String calendarProvider,
                               String calendarEventLink, String meetLink, String calendarSyncError) {
  }
}
