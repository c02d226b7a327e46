package com.inmo.api.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.api.config.DatabaseUrl;
import com.inmo.api.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class SchemaGuardTest {

  private static Flyway flywayOnFreshDatabase() {
    String name = "inmo_schema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    DatabaseUrl url = DatabaseUrl.parse(TestDatabase.create(name));
    return Flyway.configure().dataSource(url.jdbcUrl(), url.username(), url.password())
        .locations("classpath:db/migration").load();
  }

  @Test
  void theSchemaThisBuildShipsIsAccepted() {
    Flyway flyway = flywayOnFreshDatabase();
    flyway.migrate();

    SchemaGuard.requireKnownSchema(flyway);
    assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(SchemaVersion.KNOWN);
  }

  @Test
  void aSchemaMigratedByANewerBuildIsRefused() {
    Flyway flyway = flywayOnFreshDatabase();
    flyway.migrate();
    // what a newer build's migration leaves behind
    DatabaseUrl url = DatabaseUrl.parse(flyway.getConfiguration().getUrl());
    TestDatabase.execute("SELECT 1"); // the admin connection is alive
    try (var c = java.sql.DriverManager.getConnection(flyway.getConfiguration().getUrl(), url.username(), "");
         var s = c.createStatement()) {
      s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
          + "checksum, installed_by, execution_time, success) VALUES (99, '999', 'from the future', 'SQL', "
          + "'V999__from_the_future.sql', 0, 'postgres', 1, true)");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }

    assertThatThrownBy(() -> SchemaGuard.requireKnownSchema(flyway))
        .isInstanceOf(SchemaGuard.NewerSchemaException.class)
        .hasMessageContaining("at version 999")
        .hasMessageContaining("knows migrations up to " + SchemaVersion.KNOWN);
  }

  @Test
  void thePomsSchemaVersionIsTheNewestMigration() throws IOException {
    Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      int newest = files.map(p -> versioned.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .max(Comparator.naturalOrder())
          .orElseThrow();
      assertThat(SchemaVersion.KNOWN)
          .as("raise <inmo.schema.version> in the parent pom.xml with every new migration")
          .isEqualTo(Integer.toString(newest));
    }
  }
}
