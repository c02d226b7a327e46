package com.inmo.api.messages;

import static com.inmo.api.db.Sql.nullable;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The conversation table: one row per message, unique per lead and the channel's (or workflow's) id. */
@Repository
public class Messages {

  private static final String COLUMNS = "id, direction, author, author_user_id, body, created_at";
  private final DatabaseClient db;

  public Messages(DatabaseClient db) {
    this.db = db;
  }

  /** Inserts the message; emits it when new, nothing when this lead already has that external id. */
  public Mono<ChatMessage> insert(UUID leadId, UUID brokerId, String direction, String author, UUID authorUserId,
                                  String externalId, String body, Instant at) {
    return db.sql("""
            INSERT INTO messages (id, lead_id, broker_id, direction, author, author_user_id, external_id, body,
                created_at)
            VALUES (:id, :lead, :broker, :direction, :author, (SELECT id FROM users WHERE id = :authorUser), :external,
                :body, :at)
            ON CONFLICT (lead_id, external_id) DO NOTHING
            RETURNING\s""" + COLUMNS)
        .bind("id", UUID.randomUUID())
        .bind("lead", leadId)
        .bind("broker", brokerId)
        .bind("direction", direction)
        .bind("author", author)
        .bind("authorUser", nullable(authorUserId, UUID.class))
        .bind("external", externalId)
        .bind("body", body)
        .bind("at", at)
        .map((row, meta) -> map(row))
        .one();
  }

  /** The id of the message this lead already has under that external id. */
  public Mono<UUID> idOf(UUID leadId, String externalId) {
    return db.sql("SELECT id FROM messages WHERE lead_id = :lead AND external_id = :external")
        .bind("lead", leadId)
        .bind("external", externalId)
        .map((row, meta) -> row.get("id", UUID.class))
        .one();
  }

  /** The message this lead has under that external id (the worker's ledger of what it sent). */
  public Mono<ChatMessage> find(UUID leadId, String externalId) {
    return db.sql("SELECT " + COLUMNS + " FROM messages WHERE lead_id = :lead AND external_id = :external")
        .bind("lead", leadId)
        .bind("external", externalId)
        .map((row, meta) -> map(row))
        .one();
  }

  /** A lead's conversation, oldest first. */
  public Flux<ChatMessage> ofLead(UUID leadId) {
    return db.sql("SELECT " + COLUMNS + " FROM messages WHERE lead_id = :lead ORDER BY created_at, id")
        .bind("lead", leadId)
        .map((row, meta) -> map(row))
        .all();
  }

  /** The conversation of the lead behind a workflow id (a web chat session), oldest first. */
  public Flux<ChatMessage> ofWorkflow(String workflowId) {
    return db.sql("SELECT m.id, m.direction, m.author, m.author_user_id, m.body, m.created_at FROM messages m "
            + "JOIN leads l ON l.id = m.lead_id WHERE l.workflow_id = :workflow ORDER BY m.created_at, m.id")
        .bind("workflow", workflowId)
        .map((row, meta) -> map(row))
        .all();
  }

  private static ChatMessage map(io.r2dbc.spi.Readable row) {
    UUID authorUser = row.get("author_user_id", UUID.class);
    return new ChatMessage(row.get("id", UUID.class), row.get("direction", String.class),
        row.get("author", String.class), authorUser == null ? null : authorUser.toString(),
        row.get("body", String.class), row.get("created_at", Instant.class));
  }
}
