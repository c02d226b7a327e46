package com.inmo.devmode;

import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * The three servers dev mode embeds when the environment names none. Each is a real server (no in-memory
 * stand-in), on a port of its own, started clean and stopped with the launcher.
 */
final class EmbeddedServers {

  private EmbeddedServers() {
  }

  /**
   * PostgreSQL's binaries, unpacked once (about 4 s) and reused by every later start. zonky unpacks under a
   * file lock and marks a finished unpacking, so parallel starts wait for one another instead of colliding;
   * each run's data lives in a directory of its own.
   */
  static final Path POSTGRES_BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "inmo-dev-postgres-binaries");

  /** A PostgreSQL server on a free port, with a data directory of its own so parallel runs never collide. */
  static Running postgres() {
    try {
      Files.createDirectories(POSTGRES_BINARIES);
      Path workDir = Files.createTempDirectory("inmo-dev-postgres-");
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(POSTGRES_BINARIES.toFile())
          .setDataDirectory(workDir.resolve("data").toFile())
          .setCleanDataDirectory(true)
          .setRegisterShutdownHook(false)
          .setPort(freePort())
          .start();
      String url = "postgresql://postgres@127.0.0.1:" + pg.getPort() + "/postgres";
      return new Running("PostgreSQL", url, () -> {
        pg.close();
        deleteTree(workDir);
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
    }
  }

  /** A Redis server on a free port, keeping nothing on disk. */
  static Running redis() {
    try {
      int port = freePort();
      RedisServer redis = RedisServer.newRedisServer()
          .bind("127.0.0.1")
          .port(port)
          .setting("save \"\"")
          .setting("appendonly no")
          .onShutdownForceStop(true)
          .build();
      redis.start();
      return new Running("Redis", "redis://127.0.0.1:" + port, redis::stop);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded Redis server", e);
    }
  }

  /**
   * The Java SDK's Temporal server, bound to a port so any client or the {@code temporal} CLI can connect,
   * in real time (the {@code true} locks time skipping off: timers last what they say).
   */
  static Running temporal(int port) {
    requireFree(port, "INMO_DEV_TEMPORAL_PORT");
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
    return new Running("Temporal", "127.0.0.1:" + port, server::close);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void requireFree(int port, String variable) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("0.0.0.0", port));
    } catch (IOException e) {
      throw new PortTakenException("Port " + port + " is already in use (is Inmo already running?); "
          + "stop what holds it or set " + variable + " to another port");
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }

  /** A started server: what to tell clients, and how to stop it. */
  record Running(String name, String address, Stopper stopper) {
    void stop() {
      try {
        stopper.stop();
      } catch (Throwable e) {
        System.err.println("Stopping " + name + " failed: " + e);
      }
    }
  }

  @FunctionalInterface
  interface Stopper {
    void stop() throws Exception;
  }

  static class PortTakenException extends IllegalStateException {
    PortTakenException(String message) {
      super(message);
    }
  }
}
