package com.inmo.api.webchat;

import java.security.SecureRandom;
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

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
