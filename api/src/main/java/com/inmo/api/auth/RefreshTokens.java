package com.inmo.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Refresh tokens: 256 random bits, handed out once and stored only as their SHA-256. Each is good for one
 * use ({@link #rotate}); a token presented after it was used or revoked has leaked (the rightful client
 * already holds its successor), so its whole family, every token descending from the same login, is
 * revoked and the thief and the victim both log in again.
 *
 * <p>One exception: two tabs of one browser share the token and may both refresh with it at once. Within
 * {@code inmo.jwt.refresh-reuse-grace} (30 s) of its rotation a token is spent again, its caller getting a
 * sibling of the first successor in the same family; after that, a reuse is a theft as above.
 */
@Repository
public class RefreshTokens {

  private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatabaseClient db;
  private final AccountStates accounts;
  private final Duration ttl;
  private final Duration reuseGrace;

  public RefreshTokens(DatabaseClient db, AccountStates accounts,
                       @Value("${inmo.jwt.refresh-token-ttl:30d}") Duration ttl,
                       @Value("${inmo.jwt.refresh-reuse-grace:30s}") Duration reuseGrace) {
    this.db = db;
    this.accounts = accounts;
    this.ttl = ttl;
    this.reuseGrace = reuseGrace;
  }

  public Duration ttl() {
    return ttl;
  }

  /** A new token for this user; {@code family} null starts a family (a login). */
  public Mono<String> issue(UUID userId, UUID family) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    UUID familyId = family != null ? family : UUID.randomUUID();
    return db.sql("DELETE FROM refresh_tokens WHERE user_id = :user AND expires_at < now() - interval '1 day'")
        .bind("user", userId)
        .fetch().rowsUpdated()
        .then(db.sql("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at) "
                + "VALUES (:id, :user, :family, :hash, :expires)")
            .bind("id", UUID.randomUUID())
            .bind("user", userId)
            .bind("family", familyId)
            .bind("hash", hash(token))
            .bind("expires", Instant.now().plus(ttl))
            .fetch().rowsUpdated())
        .thenReturn(token);
  }

  /**
   * Spends a token: the user and family it belonged to, for the caller to issue the successor in. A token
   * unknown, expired, already used or revoked is refused with 401; a used or revoked one also revokes its family.
   */
  public Mono<Spent> rotate(String token) {
    if (token == null || token.isBlank()) {
      return Mono.error(unauthorized("refresh_token is required"));
    }
    return db.sql("SELECT id, user_id, family_id, expires_at, revoked_at IS NOT NULL AS revoked, "
            + "rotated_at IS NOT NULL AS rotated, rotated_at > now() - make_interval(secs => :grace) AS in_grace "
            + "FROM refresh_tokens WHERE token_hash = :hash")
        .bind("hash", hash(token.trim()))
        .bind("grace", (double) reuseGrace.toMillis() / 1000)
        .map((row, meta) -> new Row(row.get("id", UUID.class), row.get("user_id", UUID.class),
            row.get("family_id", UUID.class), row.get("expires_at", Instant.class),
            Boolean.TRUE.equals(row.get("revoked", Boolean.class)),
            Boolean.TRUE.equals(row.get("rotated", Boolean.class)),
            Boolean.TRUE.equals(row.get("in_grace", Boolean.class))))
        .one()
        .switchIfEmpty(Mono.error(() -> unauthorized("The refresh token is not valid")))
        .flatMap(row -> {
          if (row.revoked() || (row.rotated() && !row.inGrace())) {
            return reuse(row);
          }
          if (row.expiresAt().isBefore(Instant.now())) {
            return Mono.error(unauthorized("The refresh token has expired; log in again"));
          }
          if (row.rotated()) {
            // a second tab refreshing with the token the first tab just rotated: a sibling successor
            return Mono.just(new Spent(row.userId(), row.familyId()));
          }
          return db.sql("UPDATE refresh_tokens SET rotated_at = now() "
                  + "WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL")
              .bind("id", row.id())
              .fetch().rowsUpdated()
              // 0: another request rotated it a moment ago (within the grace), or revoked it
              .flatMap(n -> n == 1 ? Mono.just(new Spent(row.userId(), row.familyId())) : rotate(token));
        });
  }

  /** Logout: the token's family can no longer be refreshed. An unknown token is ignored. */
  public Mono<Void> revokeFamilyOf(String token) {
    if (token == null || token.isBlank()) {
      return Mono.empty();
    }
    // its access tokens end with it (their sid is the family)
    return db.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL AND family_id = "
            + "(SELECT family_id FROM refresh_tokens WHERE token_hash = :hash) RETURNING user_id")
        .bind("hash", hash(token.trim()))
        .map((row, meta) -> row.get("user_id", UUID.class))
        .all().distinct()
        .doOnNext(accounts::changed)
        .then();
  }

  /** Every session of the user ends (password reset, deactivation). */
  public Mono<Void> revokeUser(UUID userId) {
    return db.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :user AND revoked_at IS NULL")
        .bind("user", userId)
        .fetch().rowsUpdated()
        .doOnSuccess(n -> accounts.changed(userId))
        .then();
  }

  private <T> Mono<T> reuse(Row row) {
    log.warn("Refresh token reuse for user {}: revoking its session family {}", row.userId(), row.familyId());
    return db.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :family AND revoked_at IS NULL")
        .bind("family", row.familyId())
        .fetch().rowsUpdated()
        .doOnSuccess(n -> accounts.changed(row.userId()))
        .then(Mono.error(unauthorized("The refresh token was already used; the session is revoked, log in again")));
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResponseStatusException unauthorized(String detail) {
    return new ResponseStatusException(HttpStatus.UNAUTHORIZED, detail);
  }

  private record Row(UUID id, UUID userId, UUID familyId, Instant expiresAt, boolean revoked, boolean rotated,
                     boolean inGrace) {
  }

  /** The spent token's owner and family. */
  public record Spent(UUID userId, UUID familyId) {
  }
}
