package com.inmo.api.backup;

import com.inmo.api.config.DatabaseUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's own {@code pg_dump} and {@code pg_restore} (the api image carries {@code postgresql-client} of the
 * db service's major version): custom-format archives, compressed, restorable by any owner. The password travels
 * in {@code PGPASSWORD}, never on the command line.
 */
final class PgTools {

  private final DatabaseUrl server;

  PgTools(DatabaseUrl server) {
    this.server = server;
  }

  /** One database into one archive, a consistent snapshot while everything runs. */
  void dump(String database, Path archive) {
    run(List.of("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + archive,
        "--dbname=" + database));
  }

  /** One archive into one database, all or nothing (one transaction, the first error stops it). */
  void restore(Path archive, String database) {
    run(List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
        "--dbname=" + database, archive.toString()));
  }

  /** {@code pg_dump (PostgreSQL) 15.8}, for the manifest. */
  String dumpVersion() {
    return run(List.of("pg_dump", "--version")).trim();
  }

  private String run(List<String> command) {
    List<String> full = new ArrayList<>(command);
    boolean connects = command.stream().anyMatch(a -> a.startsWith("--dbname="));
    if (connects) {
      full.addAll(1, List.of("--host=" + server.host(), "--port=" + server.port(), "--username=" + server.username(),
          "--no-password"));
    }
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("PGPASSWORD", server.password());
    env.put("PGCONNECT_TIMEOUT", "10");
    String sslmode = server.parameters().get("sslmode");
    if (sslmode != null) {
      env.put("PGSSLMODE", sslmode);
    }
    String tool = command.get(0);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(tool + " exited " + exit + ": " + output.trim().replaceAll("\\s*\\n\\s*", " "));
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(tool + " could not run (" + e.getMessage() + "): install PostgreSQL's client "
          + "tools of the server's major version (the api image has them)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(tool + " interrupted", e);
    }
  }
}
