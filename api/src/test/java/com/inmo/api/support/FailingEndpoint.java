package com.inmo.api.support;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A test-only endpoint whose query fails in PostgreSQL, to see what a client learns from a database error. */
@TestComponent
@RestController
public class FailingEndpoint {

  public static final String PATH = "/api/v1/test-only/failing-query";
  public static final String SECRET_TABLE = "secret_ledger_of_commissions";

  private final DatabaseClient db;

  public FailingEndpoint(DatabaseClient db) {
    this.db = db;
  }

  @GetMapping(PATH)
  public Mono<String> fail() {
    return db.sql("SELECT password_hash FROM " + SECRET_TABLE + " WHERE broker = 'acme'")
        .map((row, meta) -> row.get(0, String.class))
        .one();
  }
}
