package com.inmo.api.notifications;

import static com.inmo.api.db.Sql.nullable;

import com.inmo.workflows.activity.TeamNotification;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code notifications} table: what the workflows told a broker's team, one row per {@code key}. */
@Repository
public class Notifications {

  private final DatabaseClient db;

  public Notifications(DatabaseClient db) {
    this.db = db;
  }

  /** Stores it; empty when a notification with its key exists already (a retry). */
  public Mono<Stored> insert(UUID brokerId, TeamNotification n) {
    return db.sql("""
            INSERT INTO notifications (id, broker_id, kind, lead_id, workflow_id, text, key)
            VALUES (:id, :broker, :kind, :lead, :workflow, :text, :key)
            ON CONFLICT (key) DO NOTHING
            RETURNING id, created_at""")
        .bind("id", UUID.randomUUID())
        .bind("broker", brokerId)
        .bind("kind", n.kind())
        .bind("lead", nullable(n.leadId(), UUID.class))
        .bind("workflow", nullable(n.workflowId(), String.class))
        .bind("text", n.text())
        .bind("key", n.key())
        .map((row, meta) -> new Stored(row.get("id", UUID.class), n.kind(), n.leadId(), n.text(),
            row.get("created_at", Instant.class)))
        .one();
  }

  public Mono<Stored> byKey(String key) {
    return db.sql("SELECT id, kind, lead_id, text, created_at FROM notifications WHERE key = :key")
        .bind("key", key)
        .map((row, meta) -> new Stored(row.get("id", UUID.class), row.get("kind", String.class),
            row.get("lead_id", UUID.class), row.get("text", String.class), row.get("created_at", Instant.class)))
        .one();
  }

  /** A stored notification; also the {@code data} of its event. */
  public record Stored(UUID id, String kind, UUID leadId, String text, Instant createdAt) {
  }
}
