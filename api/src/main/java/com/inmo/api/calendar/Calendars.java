package com.inmo.api.calendar;

import static com.inmo.api.db.Sql.nullable;

import com.inmo.workflows.activity.BookingRequest;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The local calendar's tables: weekly availability, blocks, appointments. */
@Repository
public class Calendars {

  private static final String APPOINTMENT_COLUMNS = "id, broker_id, lead_id, slot_start, slot_end, status";
  private final DatabaseClient db;

  public Calendars(DatabaseClient db) {
    this.db = db;
  }

  public Mono<List<WeeklyHours>> weeklyHours(UUID brokerId) {
    return db.sql("SELECT weekday, start_time, end_time, slot_minutes FROM availability WHERE broker_id = :b "
            + "ORDER BY weekday, start_time")
        .bind("b", brokerId)
        .map((row, meta) -> new WeeklyHours(row.get("weekday", Short.class), row.get("start_time", LocalTime.class),
            row.get("end_time", LocalTime.class), row.get("slot_minutes", Integer.class)))
        .all()
        .collectList();
  }

  /** Blocks and booked visits overlapping [from, to). */
  public Mono<List<Busy>> busy(UUID brokerId, Instant from, Instant to) {
    return db.sql("""
            SELECT starts_at AS s, ends_at AS e, true AS block FROM calendar_blocks
             WHERE broker_id = :b AND starts_at < :to AND ends_at > :from
            UNION ALL
            SELECT slot_start, slot_end, false FROM appointments
             WHERE broker_id = :b AND status = 'BOOKED' AND slot_start < :to AND slot_end > :from""")
        .bind("b", brokerId)
        .bind("from", from)
        .bind("to", to)
        .map((row, meta) -> new Busy(row.get("s", Instant.class), row.get("e", Instant.class),
            Boolean.TRUE.equals(row.get("block", Boolean.class))))
        .all()
        .collectList();
  }

  public Mono<StoredAppointment> find(UUID appointmentId) {
    return db.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM appointments WHERE id = :id")
        .bind("id", appointmentId)
        .map((row, meta) -> new StoredAppointment(row.get("id", UUID.class), row.get("broker_id", UUID.class),
            row.get("lead_id", UUID.class), row.get("slot_start", Instant.class), row.get("slot_end", Instant.class),
            row.get("status", String.class)))
        .one();
  }

  /**
   * Inserts a BOOKED appointment. Fails with {@code DuplicateKeyException} when the slot is booked already
   * (the partial unique index) or the id exists: the database, not a prior read, decides under concurrency.
   */
  public Mono<Void> insertBooked(UUID brokerId, BookingRequest r, Instant end) {
    return db.sql("""
            INSERT INTO appointments (id, broker_id, lead_id, workflow_id, lead_name, notes, slot_start, slot_end)
            VALUES (:id, :b, :lead, :workflow, :name, :notes, :start, :end)""")
        .bind("id", r.appointmentId())
        .bind("b", brokerId)
        .bind("lead", r.leadId())
        .bind("workflow", nullable(r.workflowId(), String.class))
        .bind("name", nullable(r.leadName(), String.class))
        .bind("notes", nullable(r.notes(), String.class))
        .bind("start", r.slotStart())
        .bind("end", end)
        .fetch().rowsUpdated().then();
  }

  /** Marks a booked appointment cancelled; emits whether this call changed it. */
  public Mono<Boolean> cancel(UUID appointmentId, UUID brokerId, String reason) {
    return db.sql("""
            UPDATE appointments SET status = 'CANCELLED', cancelled_at = now(), cancel_reason = :reason
             WHERE id = :id AND broker_id = :b AND status = 'BOOKED'""")
        .bind("id", appointmentId)
        .bind("b", brokerId)
        .bind("reason", nullable(reason, String.class))
        .fetch().rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** An appointment as stored: enough to answer a retried booking or cancellation. */
  public record StoredAppointment(UUID id, UUID brokerId, UUID leadId, Instant start, Instant end, String status) {

    public boolean booked() {
      return "BOOKED".equals(status);
    }
  }
}
