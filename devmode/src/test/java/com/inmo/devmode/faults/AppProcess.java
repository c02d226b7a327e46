package com.inmo.devmode.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Inmo itself (api and worker in one JVM, as {@code ./inmo dev} runs it) against servers the suite owns. It can be
 * killed with SIGKILL and started again: everything it must not lose lives in those servers.
 */
final class AppProcess implements AutoCloseable {

  final int port;
  private final Path repo;
  private final Path log;
  private final Map<String, String> env;
  private Process process;
  private int starts;

  AppProcess(Path repo, Path log, int port, Map<String, String> env) {
    this.repo = repo;
    this.log = log;
    this.port = port;
    this.env = env;
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts it and waits for its "Inmo is up" line (a whole line: the banner is printed at once). */
  void start() throws Exception {
    starts++;
    Files.writeString(log, "", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    long from = Files.size(log);
    ProcessBuilder builder = new ProcessBuilder(List.of("bash", "./inmo", "dev")).directory(repo.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(k -> k.matches("DATABASE_URL|REDIS_URL|TEMPORAL_ADDRESS|ENVIRONMENT"
        + "|SECRET_KEY|LLM_PROVIDER|VOICE_PROVIDER|INTERNAL_API_TOKEN|PORT|TELEGRAM_.*|OPENAI_.*|ANTHROPIC_.*|GEMINI_.*"));
    builder.environment().putAll(env);
    builder.environment().put("INMO_SKIP_BUILD", "1");
    builder.environment().put("PORT", Integer.toString(port));
    process = builder.start();
    awaitLine(from, "Inmo is up", Duration.ofSeconds(180));
  }

  /** SIGKILL: no shutdown hook, no graceful stop, in-flight work abandoned mid-step. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  int starts() {
    return starts;
  }

  private void awaitLine(long from, String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (completeLines(from).stream().anyMatch(l -> l.contains(text))) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Inmo exited " + process.exitValue() + " before it was up; see " + log);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Inmo was not up after " + timeout + "; see " + log);
  }

  /** The lines written since {@code from} that have their end of line: a line being written is not read. */
  private List<String> completeLines(long from) throws IOException {
    byte[] all = Files.readAllBytes(log);
    String text = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
        StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
