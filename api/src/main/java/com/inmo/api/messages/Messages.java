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

  /**
   * Records a message of an existing lead in one statement (the lead's lookup and the insert together: this is
   * the channel senders' ledger, written in the window where a crash would repeat a reply). Emits nothing when
   * the lead has no row; {@link LeadMessage#saved()} is null when the lead already had that external id.
   */
  public Mono<LeadMessage> insertForLead(UUID leadId, String direction, String author, UUID authorUserId,
                                         String externalId, String body, Instant at) {
    return db.sql("""
            WITH lead AS (
              SELECT l.id, l.broker_id, b.slug, l.workflow_id, l.channel FROM leads l
              JOIN brokers b ON b.id = l.broker_id WHERE l.id = :lead),
            saved AS (
              INSERT INTO messages (id, lead_id, broker_id, direction, author, author_user_id, external_id, body,
                  created_at)
              SELECT :id, lead.id, lead.broker_id, :direction, :author,
                  (SELECT id FROM users WHERE id = :authorUser), :external, :body, :at FROM lead
              ON CONFLICT (lead_id, external_id) DO NOTHING
              RETURNING\s""" + COLUMNS + """
            )
            SELECT lead.id AS lead_id, lead.broker_id, lead.slug, lead.workflow_id, lead.channel, saved.*
            FROM lead LEFT JOIN saved ON true""")
        .bind("id", UUID.randomUUID())
        .bind("lead", leadId)
        .bind("direction", direction)
        .bind("author", author)
        .bind("authorUser", nullable(authorUserId, UUID.class))
        .bind("external", externalId)
        .bind("body", body)
        .bind("at", at)
        .map((row, meta) -> new LeadMessage(new com.inmo.api.leads.LeadSnapshots.LeadRef(row.get("lead_id", UUID.class),
            row.get("broker_id", UUID.class), row.get("slug", String.class), row.get("workflow_id", String.class),
            row.get("channel", String.class)), row.get("id", UUID.class) == null ? null : map(row)))
        .one();
  }

  /** A lead and the message just recorded for it (null when it was recorded before). */
  public record LeadMessage(com.inmo.api.leads.LeadSnapshots.LeadRef lead, ChatMessage saved) {
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
