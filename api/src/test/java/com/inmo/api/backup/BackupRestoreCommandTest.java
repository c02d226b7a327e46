package com.inmo.api.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.command.ApiCommands;
import com.inmo.api.command.Migrate;
import com.inmo.api.schema.SchemaVersion;
import com.inmo.api.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code backup} and {@code restore} with the machine's PostgreSQL client tools against its server: the app's
 * database (migrated, a lead and its messages) and two stand-ins for Temporal's databases (a
 * {@code schema_version} table as Temporal's SQL schema has, and rows). One archive a database, a manifest with
 * versions, sizes and checksums; restored into empty databases everything is back; a non-empty target, a
 * damaged archive or a schema newer than the build is refused before anything is touched.
 */
class BackupRestoreCommandTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path backups;

  final UUID broker = UUID.randomUUID();
  final UUID lead = UUID.randomUUID();
  String app;
  String temporal;
  String visibility;

  record Result(int exit, String out, String err) {
  }

  static String name(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  static String url(String database) {
    return "postgresql://postgres@127.0.0.1:5432/" + database;
  }

  static Map<String, String> env(String app, String temporal, String visibility) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", url(app));
    env.put("TEMPORAL_DATABASE", temporal);
    env.put("TEMPORAL_VISIBILITY_DATABASE", visibility);
    return env;
  }

  static Result run(String command, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] argv = Stream.concat(Stream.of(command), Stream.of(args)).toArray(String[]::new);
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    int exit = command.equals(Backup.COMMAND) ? Backup.run(argv, env, o, e) : Restore.run(argv, env, o, e);
    Result result = new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.out.print(result.out() + result.err());
    return result;
  }

  static void sql(String database, String... statements) {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
         Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> rows(String database, String query) {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(String.join("|", values));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** The app's database with a lead and its conversation, and Temporal's two stand-ins. */
  @BeforeEach
  void sourceDatabases() {
    app = name("inmo_bk_app");
    TestDatabase.create(app);
    ByteArrayOutputStream migrateOut = new ByteArrayOutputStream();
    PrintStream migrateStream = new PrintStream(migrateOut, true, StandardCharsets.UTF_8);
    assertThat(Migrate.run(new String[] {"migrate"}, Map.of("DATABASE_URL", url(app)), migrateStream, migrateStream))
        .as(migrateOut.toString(StandardCharsets.UTF_8)).isZero();
    sql(app, "INSERT INTO brokers (id, slug, name) VALUES ('" + broker + "', 'backup', 'Inmobiliaria Ñuñoa')",
        "INSERT INTO leads (id, broker_id, workflow_id, channel, name, phone, zone, stage, score) VALUES ('" + lead
            + "', '" + broker + "', 'lead-backup-webchat-s1', 'WEBCHAT', 'Ana Pérez', '+56981234567', 'Ñuñoa', "
            + "'POTENTIAL', 72)",
        "INSERT INTO messages (id, lead_id, broker_id, direction, author, external_id, body) VALUES ('"
            + UUID.randomUUID() + "', '" + lead + "', '" + broker + "', 'INBOUND', 'LEAD', 'm-1', 'hola, busco en Ñuñoa')",
        "INSERT INTO messages (id, lead_id, broker_id, direction, author, external_id, body) VALUES ('"
            + UUID.randomUUID() + "', '" + lead + "', '" + broker + "', 'OUTBOUND', 'AI', 'o-1', '¡Hola! Soy Sofía')");
    temporal = temporalStandIn("inmo_bk_tmp", "1.14");
    visibility = temporalStandIn("inmo_bk_vis", "1.9");
  }

  /** What Temporal's SQL schema tool leaves: its schema_version row, and tables holding the workflows. */
  static String temporalStandIn(String prefix, String version) {
    String db = name(prefix);
    TestDatabase.create(db);
    sql(db, "CREATE TABLE schema_version (version_partition int NOT NULL, db_name varchar(255) NOT NULL, "
            + "creation_time timestamp, curr_version varchar(64), min_compatible_version varchar(64), "
            + "PRIMARY KEY (version_partition, db_name))",
        "INSERT INTO schema_version VALUES (0, '" + db + "', now(), '" + version + "', '1.0')",
        "CREATE TABLE executions (shard_id int, workflow_id varchar(255), data bytea, PRIMARY KEY (shard_id, workflow_id))",
        "INSERT INTO executions VALUES (3, 'lead-backup-webchat-s1', '\\x0a0b0c'::bytea)");
    return db;
  }

  static String emptyDatabase(String prefix) {
    String db = name(prefix);
    TestDatabase.create(db);
    return db;
  }

  Path onlyBackup() throws IOException {
    try (Stream<Path> dirs = Files.list(backups)) {
      List<Path> all = dirs.filter(Files::isDirectory).toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  List<String> conversation(String database) {
    return rows(database, "SELECT l.name, l.zone, l.stage, l.score, m.direction, m.body FROM leads l "
        + "JOIN messages m ON m.lead_id = l.id ORDER BY m.external_id");
  }

  @Test
  void aBackupIsOneArchiveADatabaseAndAManifestOfVersionsSizesAndChecksums() throws Exception {
    Result result = run(Backup.COMMAND, env(app, temporal, visibility), "--dir", backups.toString());

    assertThat(result.exit()).as(result.err()).isZero();
    Path dir = onlyBackup();
    assertThat(dir.getFileName().toString()).matches("\\d{8}-\\d{6}Z");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("app.dump", "manifest.json", "temporal.dump", "temporal_visibility.dump");
    }
    JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
    assertThat(manifest.path("appVersion").asString()).isNotBlank();
    assertThat(Instant.parse(manifest.path("createdAt").asString())).isCloseTo(Instant.now(),
        org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
    assertThat(manifest.path("postgresServer").asString()).startsWith("15");
    JsonNode dbs = manifest.path("databases");
    assertThat(dbs.size()).isEqualTo(3);
    assertThat(dbs.findValuesAsString("role")).as("Temporal's first: the read model is never behind the histories")
        .containsExactly("temporal", "temporal_visibility", "app");
    Map<String, String> versions = Map.of("app", SchemaVersion.KNOWN, "temporal", "1.14", "temporal_visibility", "1.9");
    Map<String, String> names = Map.of("app", app, "temporal", temporal, "temporal_visibility", visibility);
    for (JsonNode db : dbs) {
      String role = db.path("role").asString();
      Path archive = dir.resolve(db.path("file").asString());
      assertThat(db.path("database").asString()).isEqualTo(names.get(role));
      assertThat(db.path("schemaVersion").asString()).isEqualTo(versions.get(role));
      assertThat(db.path("bytes").asLong()).isEqualTo(Files.size(archive)).isPositive();
      assertThat(db.path("sha256").asString()).isEqualTo(sha256(archive));
    }
    assertThat(result.out()).contains("Backup " + dir.getFileName() + " written to " + dir)
        .containsPattern("app +" + app + " +[\\d.]+ [kM]?B +schema version " + SchemaVersion.KNOWN)
        .containsPattern("temporal +" + temporal + " +[\\d.]+ [kM]?B +schema version 1\\.14");
  }

  @Test
  void restoredIntoAnEmptyStackTheLeadItsMessagesAndTemporalsRowsAreBack() throws Exception {
    assertThat(run(Backup.COMMAND, env(app, temporal, visibility), "--dir", backups.toString()).exit()).isZero();
    Path dir = onlyBackup();
    String app2 = emptyDatabase("inmo_rs_app");
    String temporal2 = emptyDatabase("inmo_rs_tmp");
    String visibility2 = emptyDatabase("inmo_rs_vis");

    Result restored = run(Restore.COMMAND, env(app2, temporal2, visibility2), dir.toString());

    assertThat(restored.exit()).as(restored.err()).isZero();
    assertThat(conversation(app2)).isEqualTo(conversation(app)).hasSize(2);
    assertThat(rows(temporal2, "SELECT workflow_id, encode(data, 'hex') FROM executions"))
        .containsExactly("lead-backup-webchat-s1|0a0b0c");
    assertThat(rows(visibility2, "SELECT curr_version FROM schema_version")).containsExactly("1.9");
    assertThat(restored.out()).contains("Checksums verified: temporal.dump, temporal_visibility.dump, app.dump")
        .contains("Restored app.dump into " + app2).contains("Restored temporal.dump into " + temporal2)
        .contains("docker compose up -d");
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(again, true, StandardCharsets.UTF_8);
    assertThat(Migrate.run(new String[] {"migrate"}, Map.of("DATABASE_URL", url(app2)), stream, stream)).isZero();
    assertThat(again.toString(StandardCharsets.UTF_8)).as("the restored schema is the build's").contains("Nothing to apply");
  }

  @Test
  void aNonEmptyTargetIsRefusedUnlessForcedAndForcedItIsReplacedWhole() throws Exception {
    assertThat(run(Backup.COMMAND, env(app, temporal, visibility), "--dir", backups.toString()).exit()).isZero();
    Path dir = onlyBackup();
    // after the backup: another message, and a table the backup does not know
    sql(app, "INSERT INTO messages (id, lead_id, broker_id, direction, author, external_id, body) VALUES ('"
        + UUID.randomUUID() + "', '" + lead + "', '" + broker + "', 'INBOUND', 'LEAD', 'm-2', 'después del respaldo')",
        "CREATE TABLE later_migration (id int)");
    String emptyVisibility = emptyDatabase("inmo_rs_vis");

    Result refused = run(Restore.COMMAND, env(app, temporal, emptyVisibility), dir.toString());

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("Database " + app + " is not empty").contains("Database " + temporal
        + " is not empty").contains("--force").doesNotContain(emptyVisibility);
    assertThat(conversation(app)).as("nothing touched").hasSize(3);
    assertThat(rows(emptyVisibility, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
        .as("not even the empty one").containsExactly("0");

    Result forced = run(Restore.COMMAND, env(app, temporal, emptyVisibility), dir.toString(), "--force");

    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(conversation(app)).extracting(row -> row.substring(row.lastIndexOf('|') + 1))
        .containsExactly("hola, busco en Ñuñoa", "¡Hola! Soy Sofía");
    assertThat(rows(app, "SELECT count(*) FROM pg_tables WHERE tablename = 'later_migration'")).containsExactly("0");
    assertThat(rows(temporal, "SELECT workflow_id FROM executions")).containsExactly("lead-backup-webchat-s1");
  }

  @Test
  void aDamagedArchiveIsRefusedBeforeAnyDatabaseIsTouched() throws Exception {
    assertThat(run(Backup.COMMAND, env(app, temporal, visibility), "--dir", backups.toString()).exit()).isZero();
    Path dir = onlyBackup();
    Path archive = dir.resolve("temporal.dump");
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(archive, bytes);
    String app2 = emptyDatabase("inmo_rs_app");

    Result refused = run(Restore.COMMAND, env(app2, emptyDatabase("inmo_rs_tmp"), emptyDatabase("inmo_rs_vis")),
        dir.toString());

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("temporal.dump does not match its checksum").contains("nothing was restored");
    assertThat(rows(app2, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
  }

  @Test
  void anArchivePgRestoreCannotReadFailsNamingItAndHowToRetry() throws Exception {
    assertThat(run(Backup.COMMAND, env(app, temporal, visibility), "--dir", backups.toString()).exit()).isZero();
    Path dir = onlyBackup();
    // not an archive, yet matching the manifest: only pg_restore can tell
    Path archive = dir.resolve("app.dump");
    Files.writeString(archive, "not a pg_dump archive");
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replaceFirst(
        "(\"role\"\\s*:\\s*\"app\"[^}]*\"bytes\"\\s*:\\s*)\\d+([^}]*\"sha256\"\\s*:\\s*\")[0-9a-f]+",
        "$1" + Files.size(archive) + "$2" + sha256(archive)));
    String app2 = emptyDatabase("inmo_rs_app");

    Result failed = run(Restore.COMMAND, env(app2, emptyDatabase("inmo_rs_tmp"), emptyDatabase("inmo_rs_vis")),
        dir.toString());

    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.err()).startsWith("Restore failed: restoring app.dump into " + app2 + ": pg_restore exited 1: ")
        .contains("run restore again with --force");
    assertThat(rows(app2, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
  }

  @Test
  void aBackupOfANewerSchemaThanTheBuildIsRefused() throws Exception {
    assertThat(run(Backup.COMMAND, env(app, temporal, visibility), "--dir", backups.toString()).exit()).isZero();
    Path manifest = onlyBackup().resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replaceFirst(
        "(\"role\"\\s*:\\s*\"app\"[^}]*\"schemaVersion\"\\s*:\\s*\")[^\"]+\"", "$199\""));
    String app2 = emptyDatabase("inmo_rs_app");

    Result refused = run(Restore.COMMAND, env(app2, emptyDatabase("inmo_rs_tmp"), emptyDatabase("inmo_rs_vis")),
        onlyBackup().toString());

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("schema version 99").contains("newer than this build's " + SchemaVersion.KNOWN);
    assertThat(rows(app2, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
  }

  @Test
  void keepDaysRemovesOnlyBackupsOlderThanThatAndNothingElse() throws Exception {
    Path old = fakeBackup("20200101-000000Z", Instant.parse("2020-01-01T00:00:00Z"));
    Path recent = fakeBackup("20991231-000000Z", Instant.now().minus(2, ChronoUnit.DAYS));
    Path notABackup = Files.createDirectories(backups.resolve("notes"));
    Path oldWithoutManifest = Files.createDirectories(backups.resolve("20190101-000000Z"));

    Result result = run(Backup.COMMAND, env(app, temporal, visibility), "--dir", backups.toString(), "--keep-days", "7");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(old).doesNotExist();
    assertThat(recent).exists();
    assertThat(notABackup).exists();
    assertThat(oldWithoutManifest).as("no manifest: not ours to delete").exists();
    assertThat(result.out()).contains("Removed backup 20200101-000000Z (older than 7 days)");
    try (Stream<Path> dirs = Files.list(backups)) {
      assertThat(dirs.filter(d -> Files.exists(d.resolve("manifest.json"))).count()).as("the new one and the recent")
          .isEqualTo(2);
    }
  }

  Path fakeBackup(String name, Instant createdAt) throws IOException {
    Path dir = Files.createDirectories(backups.resolve(name));
    Files.writeString(dir.resolve("manifest.json"), "{\"format\":1,\"createdAt\":\"" + createdAt + "\",\"databases\":[]}");
    Files.writeString(dir.resolve("app.dump"), "x");
    return dir;
  }

  @Test
  void anUnreachableDatabaseFailsTheBackupAndLeavesNoHalfBackup() throws Exception {
    Map<String, String> env = env(app, temporal, visibility);
    env.put("TEMPORAL_VISIBILITY_DATABASE", "inmo_no_such_database");

    Result result = run(Backup.COMMAND, env, "--dir", backups.toString());

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("inmo_no_such_database");
    try (Stream<Path> left = Files.list(backups)) {
      assertThat(left.toList()).isEmpty();
    }
  }

  @Test
  void wrongCommandLinesAreExit2AndBothCommandsAreDispatched() {
    assertThat(run(Backup.COMMAND, Map.of(), "--keep-days", "-1").exit()).isEqualTo(2);
    assertThat(run(Backup.COMMAND, Map.of(), "--keep-days").exit()).isEqualTo(2);
    assertThat(run(Backup.COMMAND, Map.of(), "--what").exit()).isEqualTo(2);
    assertThat(run(Restore.COMMAND, Map.of()).exit()).isEqualTo(2);
    assertThat(run(Restore.COMMAND, Map.of(), backups.resolve("none").toString()).err())
        .contains("no manifest.json");
    assertThat(ApiCommands.handles(new String[] {"backup"})).isTrue();
    assertThat(ApiCommands.handles(new String[] {"restore"})).isTrue();
  }
}
