package com.inmo.devmode.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Java SDK's Temporal test server in a JVM of its own (from the dev jar's classpath), in real time: the app
 * can be killed and restarted against it and find its workflows where it left them.
 */
final class TemporalServerProcess implements AutoCloseable {

  final int port;
  private final Process process;

  private TemporalServerProcess(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  static TemporalServerProcess start(Path devJar, Path log) throws Exception {
    int port = Processes.freePort();
    Process process = new ProcessBuilder(List.of(Processes.javaBin(), "-Xss512k", "-cp", devJar.toString(),
        "-Dloader.main=io.temporal.testserver.TestServer", "org.springframework.boot.loader.launch.PropertiesLauncher",
        Integer.toString(port)))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Processes.awaitPort(port, Duration.ofSeconds(60));
    return new TemporalServerProcess(port, process);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
