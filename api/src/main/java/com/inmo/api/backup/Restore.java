package com.inmo.api.backup;

import com.inmo.api.backup.BackupTargets.Target;
import com.inmo.api.command.CommandSupport;
import com.inmo.api.schema.SchemaVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;

/**
 * {@code restore DIR [--force]}: a backup made by {@code backup} back into the stack's three databases. In this
 * order, and nothing is touched until every check passed: the manifest is read; every archive's size and SHA-256
 * are verified; the app's schema in the backup must not be newer than this build; every target database must
 * exist and be empty (a fresh {@code db} volume), unless {@code --force}, which replaces what they hold. Then each
 * archive is restored in one transaction, and it prints what to start. Exit 0 restored, 1 refused or failed (the
 * reason on stderr), 2 wrong command line.
 */
public final class Restore {

  public static final String COMMAND = "restore";
  private static final String USAGE = "Usage: " + COMMAND + " DIR [--force] (DIR: one backup's directory, e.g. "
      + "/backups/20261201-030000Z; the databases: DATABASE_URL, TEMPORAL_DATABASE, TEMPORAL_VISIBILITY_DATABASE)";

  private Restore() {
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    String dirArg = null;
    boolean force = false;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--force")) {
        force = true;
      } else if (!args[i].startsWith("--") && dirArg == null) {
        dirArg = args[i];
      } else {
        err.println("Unexpected " + args[i] + "; " + USAGE);
        return 2;
      }
    }
    if (dirArg == null) {
      err.println(USAGE);
      return 2;
    }
    Path dir = Path.of(dirArg).toAbsolutePath().normalize();
    try {
      BackupManifest manifest = BackupManifest.read(dir);
      BackupTargets targets = BackupTargets.of(env);
      List<String> problems = verify(dir, manifest, targets);
      if (problems.isEmpty()) {
        problems = checkTargets(targets, force);
      }
      if (!problems.isEmpty()) {
        problems.forEach(err::println);
        err.println("Restore refused: nothing was restored");
        return 1;
      }
      restore(dir, manifest, targets, force, out);
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("Restore refused: " + e.getMessage());
      return 1;
    } catch (RuntimeException | SQLException e) {
      err.println("Restore failed: " + (e.getMessage() != null ? e.getMessage() : CommandSupport.oneLine(e))
          + ". Each database is restored in one transaction, so the one that failed holds no half of it; once the "
          + "cause is fixed, run restore again with --force (it empties all three first)");
      return 1;
    }
  }

  /** Every archive the stack needs is there, whole, and the app's schema is one this build can run. */
  private static List<String> verify(Path dir, BackupManifest manifest, BackupTargets targets) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Target target : targets.all()) {
      BackupManifest.Archive archive = manifest.archive(target.role());
      if (archive == null) {
        problems.add("The backup holds no " + target.role() + " database");
        continue;
      }
      Path file = dir.resolve(archive.file()).normalize();
      if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
        problems.add(archive.file() + " is missing from " + dir);
      } else if (Files.size(file) != archive.bytes() || !Checksums.sha256(file).equals(archive.sha256())) {
        problems.add(archive.file() + " does not match its checksum in " + BackupManifest.FILE + " (" + Files.size(file)
            + " bytes, manifest " + archive.bytes() + "): the backup is damaged");
      }
    }
    BackupManifest.Archive app = manifest.archive(BackupTargets.APP);
    if (app != null && app.schemaVersion() != null && !app.schemaVersion().equals("none")
        && MigrationVersion.fromVersion(app.schemaVersion()).isNewerThan(SchemaVersion.KNOWN)) {
      problems.add("The backup's app database is at schema version " + app.schemaVersion() + ", newer than this "
          + "build's " + SchemaVersion.KNOWN + ": restore with the build it was taken with (Inmo "
          + manifest.appVersion() + ")");
    }
    return problems;
  }

  /** Every target exists; each must be empty unless --force. */
  private static List<String> checkTargets(BackupTargets targets, boolean force) {
    List<String> problems = new ArrayList<>();
    for (Target target : targets.all()) {
      try (DatabaseProbe db = DatabaseProbe.open(targets.on(target.database()))) {
        int relations = db.relations();
        if (relations > 0 && !force) {
          problems.add("Database " + target.database() + " is not empty (" + relations + " tables, views or sequences): "
              + "restore into an empty stack (a fresh db volume: docker compose up -d db), or pass --force to replace "
              + "what it holds");
        }
      } catch (SQLException e) {
        problems.add("Database " + targets.describe(target.database()) + " unreachable: " + CommandSupport.oneLine(e)
            + " (on a fresh volume `docker compose up -d db` creates all three)");
      }
    }
    return problems;
  }

  private static void restore(Path dir, BackupManifest manifest, BackupTargets targets, boolean force, PrintStream out)
      throws SQLException {
    out.println("Backup " + dir.getFileName() + " taken " + manifest.createdAt() + " by Inmo " + manifest.appVersion()
        + " (PostgreSQL " + manifest.postgresServer() + ")");
    out.println("Checksums verified: " + String.join(", ", targets.all().stream()
        .map(t -> manifest.archive(t.role()).file()).toList()));
    PgTools tools = new PgTools(targets.server());
    for (Target target : targets.all()) {
      BackupManifest.Archive archive = manifest.archive(target.role());
      if (force) {
        try (DatabaseProbe db = DatabaseProbe.open(targets.on(target.database()))) {
          db.wipe();
        }
      }
      try {
        tools.restore(dir.resolve(archive.file()), target.database());
      } catch (IllegalStateException e) {
        throw new IllegalStateException("restoring " + archive.file() + " into " + target.database() + ": "
            + e.getMessage(), e);
      }
      out.println("Restored " + archive.file() + " into " + target.database() + " (" + Sizes.human(archive.bytes())
          + ", schema version " + archive.schemaVersion() + ")");
    }
    out.println("Next: start the rest of the stack, `docker compose up -d` (Temporal's schema job finds its schemas "
        + "in place, the api applies any migration newer than the backup, the workflows carry on from the restored "
        + "state; timers that came due meanwhile fire at once), then `docker compose run --rm api postflight`");
  }
}
