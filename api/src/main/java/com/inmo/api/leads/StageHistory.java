package com.inmo.api.leads;

import static com.inmo.api.db.Sql.nullable;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A lead's stage moves, each once: a retried write of the same move (lead, to-stage, instant) is ignored. */
@Repository
public class StageHistory {

  private final DatabaseClient db;

  public StageHistory(DatabaseClient db) {
    this.db = db;
  }

  /** Emits true when the move is new. */
  public Mono<Boolean> append(UUID leadId, UUID brokerId, String from, String to, String reason, String actor,
                              Instant at) {
    return db.sql("""
            INSERT INTO stage_history (lead_id, broker_id, from_stage, to_stage, reason, actor, moved_at)
            VALUES (:lead, :broker, :from, :to, :reason, :actor, :at)
            ON CONFLICT (lead_id, to_stage, moved_at) DO NOTHING""")
        .bind("lead", leadId)
        .bind("broker", brokerId)
        .bind("from", nullable(from, String.class))
        .bind("to", to)
        .bind("reason", reason)
        .bind("actor", actor)
        .bind("at", at)
        .fetch().rowsUpdated()
        .map(rows -> rows > 0);
  }

  public Flux<StageMove> ofLead(UUID leadId) {
    return db.sql("SELECT from_stage, to_stage, reason, actor, moved_at FROM stage_history "
            + "WHERE lead_id = :lead ORDER BY moved_at, id")
        .bind("lead", leadId)
        .map((row, meta) -> new StageMove(row.get("from_stage", String.class), row.get("to_stage", String.class),
            row.get("reason", String.class), row.get("actor", String.class), row.get("moved_at", Instant.class)))
        .all();
  }

  /** One move as the dashboard shows it; also the {@code data} of a {@code stage_changed} event. */
  public record StageMove(String from, String to, String reason, String actor, Instant at) {
  }
}
