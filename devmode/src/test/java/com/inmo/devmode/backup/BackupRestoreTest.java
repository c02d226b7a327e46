package com.inmo.devmode.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.inmo.api.command.Migrate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment guide's backup and restore, run for real on the machine's PostgreSQL: a lead seeded into a
 * freshly migrated database survives {@code pg_dump | gzip} then {@code gunzip | psql} into another fresh
 * database, and a second restore over the data (the guide says that is safe) neither fails nor duplicates it.
 * The pg_dump and psql options are read from docs/deployment.md, so the guide's commands are the ones tested.
 */
class BackupRestoreTest {

  static final String HOST = System.getenv().getOrDefault("INMO_TEST_PG_HOST", "127.0.0.1");
  static final String PORT = System.getenv().getOrDefault("INMO_TEST_PG_PORT", "5432");
  static final String USER = "postgres";
  static final Path GUIDE = Path.of(System.getProperty("inmo.repo.root", ".."), "docs", "deployment.md");

  static String dumpOptions;
  static String restoreOptions;

  private final List<String> databases = new ArrayList<>();

  @BeforeAll
  static void readTheGuidesCommands() throws IOException {
    String guide = Files.readString(GUIDE);
    String backup = section(guide, "## Backup");
    String restore = section(guide, "## Restore");
    Matcher dump = Pattern.compile("pg_dump -U \\\\\"\\\\\\$POSTGRES_USER\\\\\" (.+?) \\$db\"\\s*\\\\?\\s*\\n\\s*\\| gzip >")
        .matcher(backup);
    assertThat(dump.find()).as("the guide's pg_dump | gzip line in:\n" + backup).isTrue();
    dumpOptions = dump.group(1);
    Matcher psql = Pattern.compile("gunzip -c [^\\n]+\\n\\s*\\| docker compose exec -T db sh -c \"psql (.+?) -U "
        + "\\\\\"\\\\\\$POSTGRES_USER\\\\\" -d \\$db\"").matcher(restore);
    assertThat(psql.find()).as("the guide's gunzip | psql line in:\n" + restore).isTrue();
    restoreOptions = psql.group(1);
    assertThat(dumpOptions).contains("--clean").contains("--if-exists");
    assertThat(restoreOptions).contains("ON_ERROR_STOP=1");
  }

  private static String section(String guide, String heading) {
    int start = guide.indexOf("\n" + heading + "\n");
    assertThat(start).as(heading + " in docs/deployment.md").isNotNegative();
    int end = guide.indexOf("\n## ", start + heading.length() + 2);
    return guide.substring(start, end < 0 ? guide.length() : end);
  }

  @AfterEach
  void dropDatabases() {
    for (String db : databases) {
      admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
  }

  private String freshDatabase() {
    String name = "inmo_backup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    admin("CREATE DATABASE " + name);
    databases.add(name);
    return name;
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres?user=" + USER);
         Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL on " + HOST + ":" + PORT + " is needed: " + e.getMessage(), e);
    }
  }

  private static Connection connect(String db) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + db + "?user=" + USER);
  }

  private static boolean onPath(String executable) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
        return true;
      }
    }
    return false;
  }

  /** The guide's pipeline, with the host's client tools instead of {@code docker compose exec db}. */
  private static void shell(String pipeline) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", "set -euo pipefail; " + pipeline).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + pipeline).isTrue();
    assertThat(p.exitValue()).as(pipeline + "\n" + output).isZero();
  }

  private static String connection() {
    return "-h " + HOST + " -p " + PORT + " -U " + USER;
  }

  @Test
  void aSeededLeadSurvivesDumpAndRestoreIntoAFreshDatabase(@TempDir Path backups) throws Exception {
    assumeTrue(onPath("pg_dump") && onPath("psql") && onPath("gzip"), "pg_dump, psql and gzip are needed");

    String source = freshDatabase();
    ByteArrayOutputStream migrateOut = new ByteArrayOutputStream();
    int migrated = Migrate.run(new String[] {"migrate"},
        Map.of("DATABASE_URL", "postgresql://" + USER + "@" + HOST + ":" + PORT + "/" + source),
        new PrintStream(migrateOut, true, StandardCharsets.UTF_8), new PrintStream(migrateOut, true, StandardCharsets.UTF_8));
    assertThat(migrated).as(migrateOut.toString(StandardCharsets.UTF_8)).isZero();

    UUID broker = UUID.randomUUID();
    UUID lead = UUID.randomUUID();
    try (Connection db = connect(source)) {
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO brokers (id, slug, name, settings) "
          + "VALUES (?, 'backup-test', 'Inmobiliaria Ñuñoa', '{\"zones\":[\"Ñuñoa\"]}'::jsonb)")) {
        insert.setObject(1, broker);
        insert.executeUpdate();
      }
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO leads (id, broker_id, workflow_id, channel, "
          + "name, phone, zone, budget_clp, stage, score) VALUES (?, ?, 'lead-backup-test-webchat-s1', 'WEBCHAT', "
          + "'Ana Pérez', '+56981234567', 'Ñuñoa', 120000000, 'POTENTIAL', 72)")) {
        insert.setObject(1, lead);
        insert.setObject(2, broker);
        insert.executeUpdate();
      }
    }

    Path dump = backups.resolve(source + ".sql.gz");
    shell("pg_dump " + connection() + " " + dumpOptions + " " + source + " | gzip > '" + dump + "'");
    assertThat(Files.size(dump)).isPositive();

    String restored = freshDatabase();
    shell("gunzip -c '" + dump + "' | psql " + restoreOptions + " " + connection() + " -d " + restored);
    assertTheLeadIsThere(restored, lead, broker);

    // over the data it already holds: --clean --if-exists drops and recreates, nothing doubles
    shell("gunzip -c '" + dump + "' | psql " + restoreOptions + " " + connection() + " -d " + restored);
    assertTheLeadIsThere(restored, lead, broker);

    // and the restored schema is the one the api expects: nothing left to migrate
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    assertThat(Migrate.run(new String[] {"migrate"},
        Map.of("DATABASE_URL", "postgresql://" + USER + "@" + HOST + ":" + PORT + "/" + restored),
        new PrintStream(again, true, StandardCharsets.UTF_8), new PrintStream(again, true, StandardCharsets.UTF_8)))
        .isZero();
    assertThat(again.toString(StandardCharsets.UTF_8)).contains("Nothing to apply");
  }

  private static void assertTheLeadIsThere(String db, UUID lead, UUID broker) throws SQLException {
    try (Connection c = connect(db); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT l.id, l.name, l.zone, l.budget_clp, l.stage, l.score, l.workflow_id, "
             + "b.id AS broker, b.name AS broker_name, b.settings->'zones'->>0 AS first_zone, "
             + "(SELECT count(*) FROM leads) AS leads FROM leads l JOIN brokers b ON b.id = l.broker_id")) {
      assertThat(rs.next()).as("a lead in " + db).isTrue();
      assertThat(rs.getObject("id", UUID.class)).isEqualTo(lead);
      assertThat(rs.getString("name")).isEqualTo("Ana Pérez");
      assertThat(rs.getString("zone")).isEqualTo("Ñuñoa");
      assertThat(rs.getLong("budget_clp")).isEqualTo(120_000_000L);
      assertThat(rs.getString("stage")).isEqualTo("POTENTIAL");
      assertThat(rs.getInt("score")).isEqualTo(72);
      assertThat(rs.getString("workflow_id")).isEqualTo("lead-backup-test-webchat-s1");
      assertThat(rs.getObject("broker", UUID.class)).isEqualTo(broker);
      assertThat(rs.getString("broker_name")).isEqualTo("Inmobiliaria Ñuñoa");
      assertThat(rs.getString("first_zone")).isEqualTo("Ñuñoa");
      assertThat(rs.getLong("leads")).isEqualTo(1);
    }
  }
}
