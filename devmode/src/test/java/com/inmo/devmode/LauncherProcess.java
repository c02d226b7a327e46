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
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Runs a command of the repository as a user would (same script, same jar), capturing its output to a file. */
final class LauncherProcess {

  static final Path REPO = Path.of(System.getProperty("inmo.repo.root", "..")).toAbsolutePath().normalize();

  final Process process;
  final Path log;
  private final OutputLines lines;

  private LauncherProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.lines = new OutputLines(log);
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

  /** Everything written so far, for failure messages; match with {@link #awaitLine}, never on this. */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Waits for a whole line of output matching {@code pattern} (never half a line still being written) and
   * answers its match; fails with the output when none comes in time or the process ends without one.
   */
  MatchResult awaitLine(Pattern pattern, Duration timeout) {
    return lines.await(pattern, timeout, process::isAlive);
  }

  /** The whole lines written so far; once the process has ended, every line it wrote. */
  List<String> lines() {
    return process.isAlive() ? lines.complete() : lines.all();
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
