package com.inmo.api.notifications;

import static com.inmo.api.db.Sql.nullable;

import com.inmo.api.brokers.Brokers;
import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.web.Problems;
import com.inmo.workflows.activity.TeamNotification;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/v1/notifications}: stores what a workflow tells the team (201) and publishes a
 * {@code notification} event; the same {@code key} again is a retry (200, nothing published).
 */
@RestController
public class NotificationController {

  private final Brokers brokers;
  private final DatabaseClient db;
  private final EventBus events;

  public NotificationController(Brokers brokers, DatabaseClient db, EventBus events) {
    this.brokers = brokers;
    this.db = db;
    this.events = events;
  }

  @PostMapping("/internal/v1/notifications")
  public Mono<ResponseEntity<Stored>> notify(@RequestBody TeamNotification n) {
    if (n.key() == null || n.key().isBlank() || n.kind() == null || n.kind().isBlank() || n.text() == null) {
      return Mono.error(Problems.badRequest("kind, text and key are required"));
    }
    return brokers.require(n.brokerSlug()).flatMap(broker -> db.sql("""
                INSERT INTO notifications (id, broker_id, kind, lead_id, workflow_id, text, key)
                VALUES (:id, :broker, :kind, :lead, :workflow, :text, :key)
                ON CONFLICT (key) DO NOTHING
                RETURNING id, created_at""")
            .bind("id", UUID.randomUUID())
            .bind("broker", broker.id())
            .bind("kind", n.kind())
            .bind("lead", nullable(n.leadId(), UUID.class))
            .bind("workflow", nullable(n.workflowId(), String.class))
            .bind("text", n.text())
            .bind("key", n.key())
            .map((row, meta) -> new Stored(row.get("id", UUID.class), n.kind(), n.leadId(), n.text(),
                row.get("created_at", Instant.class)))
            .one()
            .flatMap(stored -> events.publish(LiveEvent.NOTIFICATION, broker.slug(), n.leadId(), n.workflowId(), stored)
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(stored)))
            .switchIfEmpty(Mono.defer(() -> db.sql("SELECT id, kind, lead_id, text, created_at FROM notifications "
                    + "WHERE key = :key")
                .bind("key", n.key())
                .map((row, meta) -> new Stored(row.get("id", UUID.class), row.get("kind", String.class),
                    row.get("lead_id", UUID.class), row.get("text", String.class), row.get("created_at", Instant.class)))
                .one()
                .map(ResponseEntity::ok))));
  }

  /** The stored notification; also the {@code data} of its event. */
  public record Stored(UUID id, String kind, UUID leadId, String text, Instant createdAt) {
  }
}
