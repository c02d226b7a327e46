package com.inmo.api.auth;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads accounts; e-mail addresses match case-insensitively, as people type them. */
@Repository
public class UserAccounts {

  private static final String COLUMNS = "id, broker_id, email, password_hash, full_name, role, active";
  private final DatabaseClient db;

  public UserAccounts(DatabaseClient db) {
    this.db = db;
  }

  public Mono<UserAccount> findByEmail(String email) {
    return db.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
        .bind("email", email)
        .map((row, meta) -> map(row))
        .one();
  }

  public Mono<UserAccount> findById(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
        .bind("id", id)
        .map((row, meta) -> map(row))
        .one();
  }

  private static UserAccount map(io.r2dbc.spi.Readable row) {
    return new UserAccount(row.get("id", UUID.class), row.get("broker_id", UUID.class),
        row.get("email", String.class), row.get("password_hash", String.class),
        row.get("full_name", String.class), Role.valueOf(row.get("role", String.class)),
        Boolean.TRUE.equals(row.get("active", Boolean.class)));
  }
}
