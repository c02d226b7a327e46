package com.inmo.api.calendar.google;

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
 * {@code calendar_connections}: the Google calendars brokers and agents connected. Refresh tokens are sealed
 * by {@link CredentialCipher} and opened only here; one that no longer opens (SECRET_KEY rotated) reads as a
 * disconnected calendar, to be connected again.
 */
@Repository
public class CalendarConnections {

  private static final Logger log = LoggerFactory.getLogger(CalendarConnections.class);
  private static final String COLUMNS = """
      c.id, c.broker_id, c.user_id, c.source, c.refresh_token_ciphertext, c.env_token_fingerprint, c.calendar_id,
      c.status, c.meet, c.scopes, c.connected_by, u.full_name AS connected_by_name, c.connected_at,
      c.disconnected_at, c.disconnect_reason""";
  private static final String FROM = " FROM calendar_connections c LEFT JOIN users u ON u.id = c.connected_by ";

  private final DatabaseClient db;
  private final CredentialCipher cipher;

  public CalendarConnections(DatabaseClient db, CredentialCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  /**
   * One connection. {@code refreshToken} is the opened token (null for an environment row, or when it no
   * longer opens: then {@code status} reads DISCONNECTED).
   */
  public record Connection(UUID id, UUID brokerId, UUID userId, String source, String refreshToken,
                           String envFingerprint, String calendarId, String status, boolean meet, String scopes,
                           UUID connectedBy, String connectedByName, Instant connectedAt, Instant disconnectedAt,
                           String disconnectReason) {

    public boolean connected() {
      return "CONNECTED".equals(status);
    }

    public boolean fromEnvironment() {
      return "environment".equals(source);
    }

    @Override
    public String toString() {
      return "Connection[" + id + ", broker " + brokerId + ", user " + userId + ", " + status + "]";
    }
  }

  /** The broker's calendar ({@code userId} null) or the agent's. */
  public Mono<Connection> find(UUID brokerId, UUID userId) {
    String sql = "SELECT " + COLUMNS + FROM + "WHERE c.broker_id = :b AND c.provider = 'google' AND "
        + (userId == null ? "c.user_id IS NULL" : "c.user_id = :u");
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("b", brokerId);
    if (userId != null) {
      spec = spec.bind("u", userId);
    }
    return spec.map((row, meta) -> open(row)).one();
  }

  public Mono<Connection> findById(UUID id) {
    return db.sql("SELECT " + COLUMNS + FROM + "WHERE c.id = :id").bind("id", id)
        .map((row, meta) -> open(row)).one();
  }

  /**
   * Stores a refresh token from the connect flow: a new connection, or the existing one reconnected (its
   * calendar id and Meet choice kept; an environment row becomes an OAuth one).
   */
  public Mono<Connection> saveOAuth(UUID brokerId, UUID userId, String refreshToken, String scopes, UUID connectedBy) {
    String conflict = userId == null ? "(broker_id, provider) WHERE user_id IS NULL"
        : "(broker_id, user_id, provider) WHERE user_id IS NOT NULL";
    DatabaseClient.GenericExecuteSpec spec = db.sql("""
            INSERT INTO calendar_connections (id, broker_id, user_id, source, refresh_token_ciphertext, calendar_id,
                                              status, scopes, connected_by, connected_at, updated_at)
            VALUES (:id, :b, :u, 'oauth', :token, 'primary', 'CONNECTED', :scopes, :by, now(), now())
            ON CONFLICT """ + conflict + """
             DO UPDATE SET source = 'oauth', refresh_token_ciphertext = EXCLUDED.refresh_token_ciphertext,
                env_token_fingerprint = NULL, status = 'CONNECTED', scopes = EXCLUDED.scopes,
                connected_by = EXCLUDED.connected_by, connected_at = now(), disconnected_at = NULL,
                disconnect_reason = NULL, updated_at = now()
            RETURNING id""")
        .bind("id", UUID.randomUUID())
        .bind("b", brokerId)
        .bind("u", nullable(userId, UUID.class))
        .bind("token", cipher.seal(refreshToken, associatedData(brokerId, userId)))
        .bind("scopes", nullable(scopes, String.class))
        .bind("by", connectedBy);
    return spec.map((row, meta) -> row.get("id", UUID.class)).one().flatMap(this::findById);
  }

  /** Marks a connection disconnected; emits whether this call changed it (a revocation is announced once). */
  public Mono<Boolean> markDisconnected(UUID id, String reason) {
    return db.sql("""
            UPDATE calendar_connections SET status = 'DISCONNECTED', disconnected_at = now(),
                   disconnect_reason = :reason, updated_at = now()
             WHERE id = :id AND status = 'CONNECTED'""")
        .bind("id", id)
        .bind("reason", nullable(reason, String.class))
        .fetch().rowsUpdated()
        .map(rows -> rows > 0);
  }

  /**
   * Records that the default broker's {@code GOOGLE_REFRESH_TOKEN} (named by its fingerprint) was revoked.
   * An OAuth connection of the broker is left alone: it, not the environment, is the broker's calendar then.
   */
  public Mono<Boolean> markEnvironmentDisconnected(UUID brokerId, String fingerprint, String calendarId,
                                                   String reason) {
    return db.sql("""
            INSERT INTO calendar_connections (id, broker_id, source, env_token_fingerprint, calendar_id, status,
                                              disconnected_at, disconnect_reason)
            VALUES (:id, :b, 'environment', :fp, :cal, 'DISCONNECTED', now(), :reason)
            ON CONFLICT (broker_id, provider) WHERE user_id IS NULL
             DO UPDATE SET env_token_fingerprint = EXCLUDED.env_token_fingerprint, status = 'DISCONNECTED',
                calendar_id = EXCLUDED.calendar_id, disconnected_at = now(),
                disconnect_reason = EXCLUDED.disconnect_reason, updated_at = now()
             WHERE calendar_connections.source = 'environment'
               AND (calendar_connections.status <> 'DISCONNECTED'
                    OR calendar_connections.env_token_fingerprint IS DISTINCT FROM EXCLUDED.env_token_fingerprint)""")
        .bind("id", UUID.randomUUID())
        .bind("b", brokerId)
        .bind("fp", fingerprint == null ? "" : fingerprint)
        .bind("cal", calendarId == null || calendarId.isBlank() ? "primary" : calendarId)
        .bind("reason", nullable(reason, String.class))
        .fetch().rowsUpdated()
        .map(rows -> rows > 0);
  }

  public Mono<Connection> update(UUID id, String calendarId, Boolean meet) {
    return db.sql("""
            UPDATE calendar_connections SET calendar_id = COALESCE(:cal, calendar_id), meet = COALESCE(:meet, meet),
                   updated_at = now()
             WHERE id = :id""")
        .bind("id", id)
        .bind("cal", nullable(calendarId, String.class))
        .bind("meet", nullable(meet, Boolean.class))
        .fetch().rowsUpdated()
        .then(findById(id));
  }

  public Mono<Boolean> delete(UUID id) {
    return db.sql("DELETE FROM calendar_connections WHERE id = :id").bind("id", id)
        .fetch().rowsUpdated().map(rows -> rows > 0);
  }

  /** Binds a sealed refresh token to its broker and owner: copied into another row, it no longer opens. */
  static String associatedData(UUID brokerId, UUID userId) {
    return "calendar_connections:refresh_token:" + brokerId + ":" + (userId == null ? "broker" : userId);
  }

  private Connection open(io.r2dbc.spi.Readable row) {
    UUID id = row.get("id", UUID.class);
    UUID brokerId = row.get("broker_id", UUID.class);
    UUID userId = row.get("user_id", UUID.class);
    String status = row.get("status", String.class);
    String reason = row.get("disconnect_reason", String.class);
    Instant disconnectedAt = row.get("disconnected_at", Instant.class);
    byte[] sealed = bytes(row.get("refresh_token_ciphertext"));
    String token = null;
    if (sealed != null) {
      try {
        token = cipher.open(sealed, associatedData(brokerId, userId));
      } catch (IllegalArgumentException e) {
        log.error("Calendar connection {}: its refresh token cannot be opened ({}); it must be connected again",
            id, e.getMessage());
        status = "DISCONNECTED";
        reason = "the stored token no longer opens (SECRET_KEY changed): connect the calendar again";
      }
    }
    return new Connection(id, brokerId, userId, row.get("source", String.class), token,
        row.get("env_token_fingerprint", String.class), row.get("calendar_id", String.class), status,
        Boolean.TRUE.equals(row.get("meet", Boolean.class)), row.get("scopes", String.class),
        row.get("connected_by", UUID.class), row.get("connected_by_name", String.class),
        row.get("connected_at", Instant.class), disconnectedAt, reason);
  }

  private static byte[] bytes(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] b) {
      return b;
    }
    java.nio.ByteBuffer buffer = ((java.nio.ByteBuffer) value).duplicate();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
