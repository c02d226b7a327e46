package com.inmo.api.command;

import com.inmo.api.config.DatabaseUrl;
import com.inmo.api.schema.SchemaGuard;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code migrate}: applies the Flyway migrations this build ships to {@code DATABASE_URL} and nothing else (the
 * equivalent of {@code alembic upgrade head}); the api also migrates when it starts, so this is for running
 * it on its own (before a rollout, after a restore). Prints the schema version before and after and each
 * migration applied. Exit 0 when the schema is at this build's version, 1 when it could not be migrated or is
 * newer than this build, 2 for a wrong command line.
 */
public final class Migrate {

  public static final String COMMAND = "migrate";

  private Migrate() {
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length > 1) {
      err.println("Usage: " + COMMAND + " (no arguments; the database is DATABASE_URL); unexpected: " + args[1]);
      return 2;
    }
    DatabaseUrl url;
    try {
      url = CommandSupport.databaseUrl(env);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    }
    try {
      Flyway flyway = Flyway.configure().dataSource(url.jdbcUrl(), url.username(), url.password())
          .locations("classpath:db/migration").load();
      MigrationInfoService before = flyway.info();
      out.println("Database " + url.describe() + ": schema version " + version(before.current())
          + " before (this build ships migrations up to " + newestShipped(before) + ")");
      MigrateResult result = flyway.migrate();
      if (result.migrations.isEmpty()) {
        out.println("Nothing to apply");
      }
      for (MigrateOutput applied : result.migrations) {
        out.println("Applied " + applied.version + " " + applied.description + " (" + applied.executionTime + " ms)");
      }
      out.println("Schema version " + version(flyway.info().current()) + " after");
      SchemaGuard.requireKnownSchema(flyway);
      return 0;
    } catch (SchemaGuard.NewerSchemaException e) {
      err.println(e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      err.println("Could not migrate " + url.describe() + ": " + CommandSupport.oneLine(e));
      return 1;
    }
  }

  private static String newestShipped(MigrationInfoService info) {
    return Arrays.stream(info.all())
        .filter(i -> i.getVersion() != null && i.getState() != MigrationState.FUTURE_SUCCESS
            && i.getState() != MigrationState.FUTURE_FAILED)
        .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).map(Object::toString).orElse("none");
  }

  private static String version(MigrationInfo current) {
    return current == null || current.getVersion() == null ? "none (empty database)" : current.getVersion().toString();
  }
}
