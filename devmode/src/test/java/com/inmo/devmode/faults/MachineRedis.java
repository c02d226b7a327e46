package com.inmo.devmode.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine's {@code redis-server} on a port of the suite's, keeping nothing on disk (as in production). */
final class MachineRedis implements AutoCloseable {

  final int port;
  private final Path log;
  private Process process;

  MachineRedis(int port, Path log) {
    this.port = port;
    this.log = log;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  void start() throws Exception {
    process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--daemonize", "no"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    Processes.awaitPort(port, Duration.ofSeconds(20));
  }

  /** Stopped as a crash would: what it held in memory is gone. */
  void stop() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
