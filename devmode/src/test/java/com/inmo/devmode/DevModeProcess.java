package com.inmo.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `./inmo dev` on free ports for one test, with extra environment; closing it is Ctrl-C. */
public final class DevModeProcess implements AutoCloseable {

  /** Dev mode's banner line, printed once the api answers healthy. */
  static final Pattern UP = Pattern.compile("Inmo is up \\(cold start to healthy: ([0-9.]+) s\\)");

  private final LauncherProcess process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private DevModeProcess(LauncherProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  public static DevModeProcess start(String logName, Consumer<Map<String, String>> env) throws InterruptedException {
    int port = LauncherProcess.freePort();
    int temporal = LauncherProcess.freePort();
    LauncherProcess dev = LauncherProcess.start(logName, e -> {
      e.put("INMO_SKIP_BUILD", "1");
      e.put("PORT", Integer.toString(port));
      e.put("INMO_DEV_TEMPORAL_PORT", Integer.toString(temporal));
      env.accept(e);
    }, "bash", "./inmo", "dev");
    dev.awaitLine(UP, Duration.ofSeconds(120));
    return new DevModeProcess(dev, port);
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /** The lead list as the demo admin sees it, searched. */
  public String leads(String search) throws Exception {
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base() + "/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"admin@demo.inmo.cl\",\"password\":\"Demo#2026\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(login.body());
    assertThat(token.find()).isTrue();
    return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/leads?search=" + search))
        .header("Authorization", "Bearer " + token.group(1)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @Override
  public void close() throws Exception {
    process.interrupt();
    if (!process.process.waitFor(60, TimeUnit.SECONDS)) {
      process.process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.process.destroyForcibly();
    }
  }
}
