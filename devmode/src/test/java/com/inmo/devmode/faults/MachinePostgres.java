package com.inmo.devmode.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the machine's own server binaries, in a directory of the suite's on a port of its own,
 * so the suite can stop and start it without touching the machine's service (which other tests use). As root,
 * the server runs as the {@code postgres} user, as PostgreSQL requires.
 */
final class MachinePostgres implements AutoCloseable {

  static final String DATABASE = "inmo";

  final int port;
  private final Path bin;
  private final Path dir;

  private MachinePostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  static MachinePostgres create(int port) throws Exception {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("inmo-faults-pg-");
    Processes.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), asRoot());
    MachinePostgres pg = new MachinePostgres(bin, dir, port);
    pg.asServerUser(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
        "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
    pg.start();
    try (Connection c = DriverManager.getConnection(pg.jdbc("postgres"), "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + DATABASE);
    }
    return pg;
  }

  String url() {
    return "postgresql://postgres@127.0.0.1:" + port + "/" + DATABASE;
  }

  String jdbc(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbc(DATABASE), "postgres", "");
  }

  void start() throws Exception {
    asServerUser(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
        "-l", dir.resolve("server.log").toString(), "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off -c max_connections=200", "start");
  }

  /** A fast shutdown, as an operator's {@code systemctl stop}: open connections are closed. */
  void stop() throws Exception {
    asServerUser(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m", "fast", "stop");
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (Exception ignored) {
      // already stopped
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }

  private void asServerUser(String... command) throws Exception {
    List<String> full = new ArrayList<>();
    if (asRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    Processes.run(full, true);
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The newest server version installed (Debian keeps each under /usr/lib/postgresql/N/bin). */
  private static Path binaries() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", ""))))
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql"));
    }
  }
}
