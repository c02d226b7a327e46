package com.inmo.api.brokers;

import com.inmo.api.web.Problems;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads brokers. Slugs arrive from URLs and the worker; they match case-insensitively, as ids do. */
@Repository
public class Brokers {

  private static final String COLUMNS =
      "id, slug, name, time_zone, persona_name, persona_tone, settings::text AS settings, active";
  private final DatabaseClient db;

  public Brokers(DatabaseClient db) {
    this.db = db;
  }

  public Flux<Broker> active() {
    return db.sql("SELECT " + COLUMNS + " FROM brokers WHERE active ORDER BY slug")
        .map((row, meta) -> map(row))
        .all();
  }

  /** The active broker with this slug, or empty. */
  public Mono<Broker> findBySlug(String slug) {
    if (slug == null || slug.isBlank()) {
      return Mono.empty();
    }
    return db.sql("SELECT " + COLUMNS + " FROM brokers WHERE slug = lower(:slug) AND active")
        .bind("slug", slug)
        .map((row, meta) -> map(row))
        .one();
  }

  /** The active broker with this slug, or a 404 naming it. */
  public Mono<Broker> require(String slug) {
    return findBySlug(slug).switchIfEmpty(Mono.error(() -> Problems.notFound("Unknown broker '" + slug + "'")));
  }

  public Mono<Broker> findById(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM brokers WHERE id = :id")
        .bind("id", id)
        .map((row, meta) -> map(row))
        .one();
  }

  /**
   * The broker a lead's workflow belongs to: its lead row's, else (a lead not saved yet, e.g. during its
   * first message) the broker whose slug the id names, {@code lead-<slug>-…} (the longest such slug: slugs
   * may contain '-'); empty when none does.
   */
  public Mono<Broker> ofLeadWorkflow(String workflowId) {
    if (workflowId == null || !workflowId.startsWith("lead-")) {
      return Mono.empty();
    }
    // slugs are [a-z0-9-]: nothing in them is a LIKE wildcard
    return db.sql("SELECT " + COLUMNS + " FROM brokers "
            + "WHERE id = (SELECT broker_id FROM leads WHERE workflow_id = :wf) OR :wf LIKE 'lead-' || slug || '-%' "
            + "ORDER BY id = (SELECT broker_id FROM leads WHERE workflow_id = :wf) DESC NULLS LAST, length(slug) DESC "
            + "LIMIT 1")
        .bind("wf", workflowId)
        .map((row, meta) -> map(row))
        .one();
  }

  /** Where the broker's own Telegram bot sends team notifications (set with the bot), or empty. */
  public Mono<Long> telegramNotifyChatId(UUID brokerId) {
    return db.sql("SELECT notify_chat_id FROM broker_telegram WHERE broker_id = :id AND notify_chat_id IS NOT NULL")
        .bind("id", brokerId)
        .map((row, meta) -> row.get("notify_chat_id", Long.class))
        .one();
  }

  private static Broker map(io.r2dbc.spi.Readable row) {
    return new Broker(row.get("id", UUID.class), row.get("slug", String.class), row.get("name", String.class),
        row.get("time_zone", String.class), row.get("persona_name", String.class),
        row.get("persona_tone", String.class), row.get("settings", String.class),
        Boolean.TRUE.equals(row.get("active", Boolean.class)));
  }
}
