package com.inmo.api.internal.schema;

import com.inmo.api.schema.SchemaHistory;
import com.inmo.api.schema.SchemaVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Tells the worker which schema the database holds, so a worker older than the schema refuses to run
 * (the worker never touches the database itself).
 */
@RestController
public class SchemaController {

  private final SchemaHistory history;

  public SchemaController(SchemaHistory history) {
    this.history = history;
  }

  @GetMapping("/internal/v1/schema")
  public Mono<SchemaStatus> schema() {
    return history.current().map(current -> new SchemaStatus(current, SchemaVersion.KNOWN));
  }

  /** {@code current}: applied in the database; {@code known}: the newest this api ships. */
  public record SchemaStatus(String current, String known) {
  }
}
