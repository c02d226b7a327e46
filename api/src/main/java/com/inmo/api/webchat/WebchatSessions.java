package com.inmo.api.webchat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Web chat sessions. The id is the visitor's only credential (the widget keeps it), so it is 256 random
 * bits: 43 base64url characters, unguessable, and safe in a workflow id and a URL.
 */
@Repository
public class WebchatSessions {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final DatabaseClient db;

  public WebchatSessions(DatabaseClient db) {
    this.db = db;
  }

  public Mono<String> create(UUID brokerId) {
    String token = newToken();
    return db.sql("INSERT INTO webchat_sessions (id, broker_id) VALUES (:id, :b)")
        .bind("id", token)
        .bind("b", brokerId)
        .fetch().rowsUpdated()
        .thenReturn(token);
  }

  /** Whether the session exists and belongs to this broker (another broker's session is as unknown as none). */
  public Mono<Boolean> exists(UUID brokerId, String sessionId) {
    if (sessionId == null || sessionId.isBlank() || sessionId.length() > 100) {
      return Mono.just(false);
    }
    return db.sql("SELECT 1 FROM webchat_sessions WHERE id = :id AND broker_id = :b")
        .bind("id", sessionId)
        .bind("b", brokerId)
        .map((row, meta) -> true)
        .one()
        .defaultIfEmpty(false);
  }

  /**
   * Deletes the sessions opened more than {@code age} ago whose lead does not exist (no message ever reached a
   * workflow that saved it); the number deleted. The lead is found by its workflow id, built as
   * {@code LeadWorkflowIds.webchat} builds it.
   */
  public Mono<Long> deleteWithoutLead(Duration age) {
    return db.sql("""
            DELETE FROM webchat_sessions s USING brokers b
            WHERE s.broker_id = b.id AND s.created_at < now() - make_interval(secs => :age)
              AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.workflow_id = 'lead-' || lower(b.slug) || '-webchat-' || s.id)""")
        .bind("age", (double) age.toSeconds())
        .fetch().rowsUpdated();
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
