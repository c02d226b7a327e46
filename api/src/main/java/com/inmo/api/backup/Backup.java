package com.inmo.api.backup;

import com.inmo.api.backup.BackupTargets.Target;
import com.inmo.api.command.CommandSupport;
import com.inmo.api.schema.SchemaVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code backup [--dir DIR] [--keep-days N]}: the app's database and Temporal's two, dumped together into
 * {@code DIR/<yyyyMMdd-HHmmss>Z/} (one {@code pg_dump} custom-format archive each, then {@code manifest.json});
 * with {@code --keep-days N}, the backups of that directory older than N days are removed afterwards. DIR is
 * {@code BACKUP_DIR}, else {@code backups}. Exit 0 done, 1 failed (no half backup is left), 2 wrong command line.
 */
public final class Backup {

  public static final String COMMAND = "backup";
  static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String USAGE = "Usage: " + COMMAND + " [--dir DIR] [--keep-days N] (DIR: BACKUP_DIR, else "
      + "backups; the databases: DATABASE_URL, TEMPORAL_DATABASE, TEMPORAL_VISIBILITY_DATABASE)";

  private Backup() {
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    String dirArg = env.getOrDefault("BACKUP_DIR", "");
    Integer keepDays = null;
    for (int i = 1; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--dir" -> {
          if (value == null) {
            err.println(USAGE);
            return 2;
          }
          dirArg = value;
          i++;
        }
        case "--keep-days" -> {
          keepDays = value == null || !value.matches("\\d{1,5}") ? null : Integer.valueOf(value);
          if (keepDays == null || keepDays < 1) {
            err.println("--keep-days needs a whole number of days, at least 1; " + USAGE);
            return 2;
          }
          i++;
        }
        default -> {
          err.println("Unexpected " + args[i] + "; " + USAGE);
          return 2;
        }
      }
    }
    Path root = Path.of(dirArg.isBlank() ? "backups" : dirArg.trim()).toAbsolutePath().normalize();
    BackupTargets targets;
    try {
      targets = BackupTargets.of(env);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    }
    Instant now = Instant.now();
    Path dir = root.resolve(STAMP.format(now));
    try {
      Files.createDirectories(root);
      Files.createDirectory(dir);
    } catch (IOException e) {
      err.println("Backup failed: cannot create " + dir + ": " + CommandSupport.oneLine(e));
      return 1;
    }
    BackupManifest manifest;
    try {
      manifest = dump(targets, dir, now);
    } catch (Exception e) {
      deleteQuietly(dir);
      // our own messages name the database or the tool; the driver's and the JDK's are one line already
      err.println("Backup failed, nothing kept: " + (e.getMessage() != null ? e.getMessage() : CommandSupport.oneLine(e)));
      return 1;
    }
    out.println("Backup " + dir.getFileName() + " written to " + dir + " (Inmo " + manifest.appVersion()
        + ", PostgreSQL " + manifest.postgresServer() + ")");
    for (BackupManifest.Archive a : manifest.databases()) {
      out.println(String.format(Locale.ROOT, "  %-20s %-24s %10s  schema version %s", a.role(), a.database(),
          Sizes.human(a.bytes()), a.schemaVersion()));
    }
    if (keepDays != null) {
      prune(root, dir, now.minus(Duration.ofDays(keepDays)), keepDays, out, err);
    }
    return 0;
  }

  private static BackupManifest dump(BackupTargets targets, Path dir, Instant now) throws Exception {
    PgTools tools = new PgTools(targets.server());
    List<BackupManifest.Archive> archives = new ArrayList<>();
    String server = null;
    for (Target target : targets.all()) {
      String version;
      try (DatabaseProbe db = DatabaseProbe.open(targets.on(target.database()))) {
        server = server == null ? db.serverVersion() : server;
        version = target.role().equals(BackupTargets.APP) ? db.flywayVersion() : db.temporalVersion();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("database " + targets.describe(target.database()) + " unreachable: "
            + CommandSupport.oneLine(e), e);
      }
      Path archive = dir.resolve(target.file());
      tools.dump(target.database(), archive);
      archives.add(new BackupManifest.Archive(target.role(), target.database(), target.file(), Files.size(archive),
          Checksums.sha256(archive), version));
    }
    BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, now.toString(), SchemaVersion.APP, server,
        tools.dumpVersion(), archives);
    manifest.write(dir);
    return manifest;
  }

  /** Removes the backups of {@code root} taken before {@code cutoff}: directories with a manifest only. */
  private static void prune(Path root, Path current, Instant cutoff, int keepDays, PrintStream out, PrintStream err) {
    List<Path> candidates;
    try (Stream<Path> dirs = Files.list(root)) {
      candidates = dirs.filter(Files::isDirectory).filter(d -> !d.equals(current)).sorted().toList();
    } catch (IOException e) {
      err.println("Could not list " + root + " to remove old backups: " + CommandSupport.oneLine(e));
      return;
    }
    int removed = 0;
    for (Path dir : candidates) {
      Instant taken;
      try {
        taken = Instant.parse(BackupManifest.read(dir).createdAt());
      } catch (IOException | DateTimeParseException | NullPointerException e) {
        continue; // not a backup of ours: never deleted
      }
      if (taken.isBefore(cutoff)) {
        try {
          deleteTree(dir);
          out.println("Removed backup " + dir.getFileName() + " (older than " + keepDays + " days)");
          removed++;
        } catch (IOException e) {
          err.println("Could not remove " + dir + ": " + CommandSupport.oneLine(e));
        }
      }
    }
    out.println("Kept the backups of the last " + keepDays + " days; removed " + removed);
  }

  private static void deleteQuietly(Path dir) {
    try {
      deleteTree(dir);
    } catch (IOException ignored) {
      // the failure itself is what the operator needs to read
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
