package com.inmo.api.schema;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Flyway's record of the migrations applied to the database. */
@Repository
public class SchemaHistory {

  private final DatabaseClient db;

  public SchemaHistory(DatabaseClient db) {
    this.db = db;
  }

  /** The newest version applied successfully; "0" on an empty database. */
  public Mono<String> current() {
    return db.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
            + "ORDER BY installed_rank DESC LIMIT 1")
        .map(row -> row.get("version", String.class))
        .one()
        .defaultIfEmpty("0");
  }
}
