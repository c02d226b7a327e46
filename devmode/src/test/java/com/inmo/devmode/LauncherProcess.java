package com.inmo.devmode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs a command of the repository as a user would (same script, same jar), capturing its output to a file. */
final class LauncherProcess {

  static final Path REPO = Path.of(System.getProperty("inmo.repo.root", "..")).toAbsolutePath().normalize();

  final Process process;
  final Path log;

  private LauncherProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static LauncherProcess start(String logName, Consumer<Map<String, String>> env, String... command) {
    try {
      Path log = REPO.resolve("devmode/target/" + logName);
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(REPO.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      // a clean environment as far as Inmo is concerned: nothing set means everything embedded
      builder.environment().keySet().removeIf(k -> k.matches("DATABASE_URL|REDIS_URL|TEMPORAL_ADDRESS|ENVIRONMENT"
          + "|SECRET_KEY|LLM_PROVIDER|VOICE_PROVIDER|INTERNAL_API_TOKEN|PORT"));
      env.accept(builder.environment());
      return new LauncherProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits until the output contains {@code text}; fails early if the process dies. */
  boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output().contains(text)) {
        return true;
      }
      if (!process.isAlive()) {
        return output().contains(text);
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** What Ctrl-C sends. */
  void interrupt() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
