package com.inmo.api.calendar;

import static com.inmo.api.db.Sql.nullable;

import com.inmo.api.auth.Viewer;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code appointments} table as the dashboard lists it and as the worker records where a visit landed in a
 * Google calendar (the local calendar's own booking and cancelling are {@link Calendars}').
 */
@Repository
public class Appointments {

  private final DatabaseClient db;

  public Appointments(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Visits starting in [{@code start}, {@code end}) that {@code viewer} may see, of one lead, of one assigned agent
   * and in one status when those are given (null: any), by start.
   */
  public Flux<AppointmentRow> list(Viewer viewer, Instant start, Instant end, UUID leadId, UUID agentId,
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
   * Records where the visit landed in an external calendar ({@code event.error} set: why it could not); false when
   * the broker has no such appointment.
   */
  public Mono<Boolean> recordCalendarEvent(UUID brokerId, UUID appointmentId, CalendarEvent event) {
    return db.sql("""
            UPDATE appointments SET calendar_provider = :provider, calendar_connection_id = :conn,
                   calendar_id = :cal, google_event_id = COALESCE(:event, google_event_id),
                   google_event_link = COALESCE(:link, google_event_link), meet_link = COALESCE(:meet, meet_link),
                   calendar_sync_error = :error, calendar_synced_at = now()
             WHERE id = :id AND broker_id = :b""")
        .bind("provider", event.provider() == null ? "google" : event.provider())
        .bind("conn", nullable(event.connectionId(), UUID.class))
        .bind("cal", nullable(event.calendarId(), String.class))
        .bind("event", nullable(event.eventId(), String.class))
        .bind("link", nullable(event.htmlLink(), String.class))
        .bind("meet", nullable(event.meetLink(), String.class))
        .bind("error", nullable(event.error(), String.class))
        .bind("id", appointmentId)
        .bind("b", brokerId)
        .fetch().rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** Which lead a visit is for and which calendar it was put in; empty when the broker has no such appointment. */
  public Mono<CalendarLink> calendarLink(UUID brokerId, UUID appointmentId) {
    return db.sql("SELECT lead_id, calendar_connection_id, calendar_provider FROM appointments "
            + "WHERE id = :id AND broker_id = :b")
        .bind("id", appointmentId).bind("b", brokerId)
        .map((row, meta) -> new CalendarLink(row.get("lead_id", UUID.class),
            row.get("calendar_connection_id", UUID.class), row.get("calendar_provider", String.class)))
        .one();
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

  /**
   * Where a visit landed in Google, as the worker reports it. {@code error} set: the event could not be created
   * (the local booking stands).
   */
  public record CalendarEvent(String brokerSlug, String provider, UUID connectionId, String calendarId, String eventId,
                              String htmlLink, String meetLink, String error) {
  }

  /** @param connectionId the calendar connection its event went to; null with provider google: the environment's */
  public record CalendarLink(UUID leadId, UUID connectionId, String provider) {

    public boolean inEnvironmentCalendar() {
      return "google".equals(provider) && connectionId == null;
    }
  }
}
