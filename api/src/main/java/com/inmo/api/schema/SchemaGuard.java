package com.inmo.api.schema;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates, then refuses to run against a schema newer than this build knows. Flyway alone ignores
 * "future" migrations, which would let an old api (a rollback, a stale replica) write rows a newer
 * schema no longer means the same way.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaGuard {

  @Bean
  FlywayMigrationStrategy migrateThenRefuseNewerSchema() {
    return flyway -> {
      flyway.migrate();
      requireKnownSchema(flyway);
    };
  }

  public static void requireKnownSchema(Flyway flyway) {
    MigrationInfo[] unknown = Arrays.stream(flyway.info().applied())
        .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
            || info.getState() == MigrationState.FUTURE_FAILED)
        .toArray(MigrationInfo[]::new);
    if (unknown.length > 0) {
      MigrationInfo newest = unknown[unknown.length - 1];
      throw new NewerSchemaException("The database schema is at version " + newest.getVersion()
          + " (" + newest.getDescription() + ") but this build knows migrations up to "
          + SchemaVersion.KNOWN + ": deploy the newer build instead of this one");
    }
  }

  /** Thrown at start-up so the process stops before serving anything. */
  public static class NewerSchemaException extends IllegalStateException {
    public NewerSchemaException(String message) {
      super(message);
    }
  }
}
