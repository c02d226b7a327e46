package com.inmo.api.telegram;

import static com.inmo.api.db.Sql.nullable;

import com.inmo.api.crypto.CredentialCipher;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@code broker_telegram}: the bots brokers connected themselves, sealed by {@link CredentialCipher}. Values
 * are opened only here; a value that no longer opens (SECRET_KEY rotated) reads as "not connected".
 */
@Repository
public class BrokerBots {

  private static final Logger log = LoggerFactory.getLogger(BrokerBots.class);
  private final DatabaseClient db;
  private final CredentialCipher cipher;
  private final com.inmo.api.brokers.BrokerConfigCache configCache;

  BrokerBots(DatabaseClient db, CredentialCipher cipher, com.inmo.api.brokers.BrokerConfigCache configCache) {
    this.configCache = configCache;
    this.db = db;
    this.cipher = cipher;
  }

  /** A broker's own bot, decrypted. */
  public record BrokerBot(UUID brokerId, String slug, String token, String webhookSecret, Long notifyChatId,
                   Instant updatedAt) {

    String botId() {
      return BotCredentials.botKey(token, null);
    }

    @Override
    public String toString() {
      return "BrokerBot[" + slug + ", bot " + botId() + "]";
    }
  }

  /** The bot of the active broker with this slug; empty when the broker or its bot is unknown. */
  public Mono<BrokerBot> findBySlug(String slug) {
    if (slug == null || slug.isBlank() || slug.length() > 63) {
      return Mono.empty();
    }
    return db.sql("""
            SELECT b.id, b.slug, t.token_ciphertext, t.secret_ciphertext, t.notify_chat_id, t.updated_at
            FROM broker_telegram t JOIN brokers b ON b.id = t.broker_id
            WHERE b.slug = lower(:slug) AND b.active""")
        .bind("slug", slug)
        .map((row, meta) -> new Sealed(row.get("id", UUID.class), row.get("slug", String.class),
            row.get("token_ciphertext", byte[].class), row.get("secret_ciphertext", byte[].class),
            row.get("notify_chat_id", Long.class), row.get("updated_at", Instant.class)))
        .one()
        .flatMap(this::open);
  }

  Mono<BrokerBot> save(UUID brokerId, String slug, String token, String webhookSecret, Long notifyChatId) {
    return db.sql("""
            INSERT INTO broker_telegram (broker_id, token_ciphertext, secret_ciphertext, notify_chat_id, updated_at)
            VALUES (:broker, :token, :secret, :notify, now())
            ON CONFLICT (broker_id) DO UPDATE SET token_ciphertext = EXCLUDED.token_ciphertext,
                secret_ciphertext = EXCLUDED.secret_ciphertext, notify_chat_id = EXCLUDED.notify_chat_id,
                updated_at = EXCLUDED.updated_at
            RETURNING updated_at""")
        .bind("broker", brokerId)
        .bind("token", cipher.seal(token, associatedData(brokerId, "token")))
        .bind("secret", cipher.seal(webhookSecret, associatedData(brokerId, "secret")))
        .bind("notify", nullable(notifyChatId, Long.class))
        .map((row, meta) -> row.get("updated_at", Instant.class))
        .one()
        .map(at -> new BrokerBot(brokerId, slug, token, webhookSecret, notifyChatId, at))
        // the notification chat is part of the broker's settings the workflows read
        .flatMap(bot -> configCache.evict(slug).thenReturn(bot));
  }

  private Mono<BrokerBot> open(Sealed s) {
    try {
      return Mono.just(new BrokerBot(s.brokerId, s.slug, cipher.open(s.token, associatedData(s.brokerId, "token")),
          cipher.open(s.secret, associatedData(s.brokerId, "secret")), s.notifyChatId, s.updatedAt));
    } catch (IllegalArgumentException e) {
      log.error("Broker {}: its Telegram bot credentials cannot be opened ({}); the broker must connect the bot again",
          s.slug, e.getMessage());
      return Mono.empty();
    }
  }

  /** Binds a sealed value to its broker and column. */
  static String associatedData(UUID brokerId, String column) {
    return "broker_telegram:" + column + ":" + brokerId;
  }

  private record Sealed(UUID brokerId, String slug, byte[] token, byte[] secret, Long notifyChatId,
                        Instant updatedAt) {
  }
}
