package com.inmo.api.schema;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Tells the worker which schema the database holds, so a worker older than the schema refuses to run
 * (the worker never touches the database itself).
 */
@RestController
public class SchemaController {

  private final DatabaseClient db;

  public SchemaController(DatabaseClient db) {
    this.db = db;
  }

  @GetMapping("/internal/v1/schema")
  public Mono<SchemaStatus> schema() {
    return db.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
            + "ORDER BY installed_rank DESC LIMIT 1")
        .map(row -> row.get("version", String.class))
        .one()
        .defaultIfEmpty("0")
        .map(current -> new SchemaStatus(current, SchemaVersion.KNOWN));
  }

  /** {@code current}: applied in the database; {@code known}: the newest this api ships. */
  public record SchemaStatus(String current, String known) {
  }
}
