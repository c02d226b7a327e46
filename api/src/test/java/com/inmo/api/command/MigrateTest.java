package com.inmo.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.schema.SchemaVersion;
import com.inmo.api.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code migrate} on its own: versions before and after, each migration applied, idempotent, guarded. */
class MigrateTest {

  /** The newest migration this build ships (the parent POM's inmo.schema.version, which a test keeps in step). */
  static final String NEWEST = SchemaVersion.KNOWN;

  record Result(int exit, String out, String err) {
  }

  static Result migrate(String databaseUrl) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Migrate.run(new String[] {"migrate"}, Map.of("DATABASE_URL", databaseUrl),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    Result result = new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.out.print(result.out() + result.err());
    return result;
  }

  @Test
  void anEmptyDatabaseIsMigratedToTheNewestVersionAndASecondRunAppliesNothing() {
    String name = "inmo_migrate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String url = TestDatabase.create(name);

    Result first = migrate(url);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("Database postgresql://postgres@127.0.0.1:5432/" + name
        + ": schema version none (empty database) before (this build ships migrations up to " + NEWEST + ")")
        .contains("\nApplied 1 brokers users leads (").contains("\nApplied 4 accounts (")
        .endsWith("Schema version " + NEWEST + " after\n");

    Result second = migrate(url);
    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains(": schema version " + NEWEST + " before").contains("Nothing to apply")
        .doesNotContain("Applied").endsWith("Schema version " + NEWEST + " after\n");
  }

  @Test
  void aSchemaNewerThanTheBuildIsRefused() {
    String name = "inmo_migrate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String url = TestDatabase.create(name);
    assertThat(migrate(url).exit()).isZero();
    TestDatabase.execute("SELECT 1"); // the admin connection works
    try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres");
         var s = c.createStatement()) {
      s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
          + "installed_by, execution_time, success) VALUES (99, '99', 'from a newer build', 'SQL', 'V99__x.sql', 0, "
          + "'postgres', 1, true)");
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }

    Result result = migrate(url);
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("The database schema is at version 99").contains("deploy the newer build");
  }

  @Test
  void anUnreachableDatabaseIsExit1WithTheReason() {
    Result result = migrate("postgresql://postgres@127.0.0.1:1/inmo");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).startsWith("Could not migrate postgresql://postgres@127.0.0.1:1/inmo: ");
  }
}
