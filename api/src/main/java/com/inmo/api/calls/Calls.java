package com.inmo.api.calls;

import static com.inmo.api.db.Sql.nullable;

import com.inmo.api.db.Where;
import com.inmo.workflows.call.CallReport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The calls table: one row per call attempt, unique by its call workflow id. */
@Repository
public class Calls {

  private static final String FROM = " FROM calls c JOIN leads l ON l.id = c.lead_id JOIN brokers b ON b.id = c.broker_id";
  private final DatabaseClient db;

  public Calls(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Inserts the call, or completes a row still {@code IN_PROGRESS} with a final report. Emits what it
   * did; nothing when the row exists already and this write changes nothing (a retry).
   */
  public Mono<Written> save(UUID brokerId, UUID leadId, String workflowId, int attempt, Instant startedAt,
                            Instant endedAt, CallReport r) {
    return db.sql("""
            INSERT INTO calls (id, broker_id, lead_id, workflow_id, call_workflow_id, attempt, provider,
                provider_call_id, status, ended_reason, duration_seconds, transcript, summary, recording_url,
                started_at, ended_at)
            VALUES (:id, :broker, :lead, :workflow, :callWorkflow, :attempt, :provider, :providerCallId, :status,
                :endedReason, :duration, :transcript, :summary, :recordingUrl, :startedAt, :endedAt)
            ON CONFLICT (call_workflow_id) DO UPDATE SET
                provider = EXCLUDED.provider, provider_call_id = EXCLUDED.provider_call_id, status = EXCLUDED.status,
                ended_reason = EXCLUDED.ended_reason, duration_seconds = EXCLUDED.duration_seconds,
                transcript = EXCLUDED.transcript, summary = EXCLUDED.summary, recording_url = EXCLUDED.recording_url,
                started_at = COALESCE(EXCLUDED.started_at, calls.started_at), ended_at = EXCLUDED.ended_at,
                updated_at = now()
            WHERE calls.status = 'IN_PROGRESS' AND EXCLUDED.status <> 'IN_PROGRESS'
                AND calls.lead_id = EXCLUDED.lead_id
            RETURNING id, (xmax = 0) AS inserted""")
        .bind("id", UUID.randomUUID())
        .bind("broker", brokerId)
        .bind("lead", leadId)
        .bind("workflow", workflowId)
        .bind("callWorkflow", r.callWorkflowId())
        .bind("attempt", attempt)
        .bind("provider", nullable(r.provider(), String.class))
        .bind("providerCallId", nullable(r.providerCallId(), String.class))
        .bind("status", r.status().name())
        .bind("endedReason", nullable(r.endedReason(), String.class))
        .bind("duration", Math.max(0, r.durationSeconds()))
        .bind("transcript", nullable(r.transcript(), String.class))
        .bind("summary", nullable(r.summary(), String.class))
        .bind("recordingUrl", nullable(r.recordingUrl(), String.class))
        .bind("startedAt", nullable(startedAt, Instant.class))
        .bind("endedAt", nullable(endedAt, Instant.class))
        .map((row, meta) -> new Written(row.get("id", UUID.class), Boolean.TRUE.equals(row.get("inserted", Boolean.class))))
        .one();
  }

  /** The stored call of a call workflow: its id and lead. */
  public Mono<Stored> find(String callWorkflowId) {
    return db.sql("SELECT id, lead_id, status FROM calls WHERE call_workflow_id = :cw")
        .bind("cw", callWorkflowId)
        .map((row, meta) -> new Stored(row.get("id", UUID.class), row.get("lead_id", UUID.class),
            row.get("status", String.class)))
        .one();
  }

  /** A page of calls matching {@code where} (conditions on {@code calls c} and {@code leads l}), newest first. */
  public Mono<CallPage> list(Where where, int limit, int offset) {
    Mono<Long> total = where.bindAll(db.sql("SELECT count(*) AS n" + FROM + where.sql()))
        .map((row, meta) -> row.get("n", Long.class)).one();
    Mono<List<CallRow>> items = where.bindAll(db.sql("SELECT " + CallRow.COLUMNS + FROM + where.sql()
            + " ORDER BY COALESCE(c.started_at, c.created_at) DESC, c.id DESC LIMIT :limit OFFSET :offset"))
        .bind("limit", limit)
        .bind("offset", offset)
        .map((row, meta) -> CallRow.map(row))
        .all()
        .collectList();
    return Mono.zip(items, total).map(t -> new CallPage(t.getT1(), t.getT2(), limit, offset));
  }

  /** @param inserted false when an in-progress row was completed */
  public record Written(UUID id, boolean inserted) {
  }

  public record Stored(UUID id, UUID leadId, String status) {
  }

  public record CallPage(List<CallRow> items, long total, int limit, int offset) {
  }
}
