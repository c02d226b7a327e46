package com.inmo.api.accounts;

import com.inmo.api.auth.Role;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The users of brokers (superadmins stand outside every broker and are not listed here). */
@Repository
public class UserDirectory {

  private static final String COLUMNS = "id, broker_id, email, full_name, role, active, created_at, updated_at";
  private final DatabaseClient db;

  public UserDirectory(DatabaseClient db) {
    this.db = db;
  }

  /** A broker's users, or every broker's when {@code brokerId} is null. */
  public Flux<UserView> list(UUID brokerId) {
    if (brokerId == null) {
      return db.sql("SELECT " + COLUMNS + " FROM users WHERE broker_id IS NOT NULL ORDER BY broker_id, lower(email)")
          .map((row, meta) -> map(row)).all();
    }
    return db.sql("SELECT " + COLUMNS + " FROM users WHERE broker_id = :broker ORDER BY lower(email)")
        .bind("broker", brokerId)
        .map((row, meta) -> map(row)).all();
  }

  /** A broker's user by id; empty for an unknown id or a superadmin. */
  public Mono<UserView> find(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id AND broker_id IS NOT NULL")
        .bind("id", id)
        .map((row, meta) -> map(row)).one();
  }

  public Mono<Void> insert(UUID id, UUID brokerId, String email, String passwordHash, String fullName, Role role) {
    return db.sql("INSERT INTO users (id, broker_id, email, password_hash, full_name, role) "
            + "VALUES (:id, :broker, :email, :hash, :name, :role)")
        .bind("id", id).bind("broker", brokerId).bind("email", email).bind("hash", passwordHash)
        .bind("name", fullName).bind("role", role.name())
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> update(UUID id, String fullName, Role role, boolean active) {
    return db.sql("UPDATE users SET full_name = :name, role = :role, active = :active, updated_at = now() "
            + "WHERE id = :id AND broker_id IS NOT NULL")
        .bind("id", id).bind("name", fullName).bind("role", role.name()).bind("active", active)
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> setPassword(UUID id, String passwordHash) {
    return db.sql("UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id AND broker_id IS NOT NULL")
        .bind("id", id).bind("hash", passwordHash)
        .fetch().rowsUpdated().then();
  }

  public Mono<Boolean> brokerExists(UUID brokerId) {
    return db.sql("SELECT 1 FROM brokers WHERE id = :id")
        .bind("id", brokerId)
        .map((row, meta) -> true).one()
        .defaultIfEmpty(false);
  }

  private static UserView map(io.r2dbc.spi.Readable row) {
    return new UserView(row.get("id", UUID.class), row.get("broker_id", UUID.class), row.get("email", String.class),
        row.get("full_name", String.class), Role.valueOf(row.get("role", String.class)),
        Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class));
  }
}
