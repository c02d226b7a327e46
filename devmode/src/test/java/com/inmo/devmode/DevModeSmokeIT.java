package com.inmo.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, run as a user runs it ({@code ./inmo dev}, built jar already there): it
 * comes up healthy with nothing installed, the printed login works, Ctrl-C leaves no process and no port
 * behind, and a second start works the same.
 */
class DevModeSmokeIT {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  @Test
  void startsHealthyLogsInStopsCleanlyAndStartsAgain() throws Exception {
    int apiPort = LauncherProcess.freePort();
    int temporalPort = LauncherProcess.freePort();
    for (int run = 1; run <= 2; run++) {
      runOnce(run, apiPort, temporalPort);
    }
  }

  private void runOnce(int run, int apiPort, int temporalPort) throws Exception {
    LauncherProcess dev = LauncherProcess.start("smoke-dev-" + run + ".log", env -> {
      env.put("INMO_SKIP_BUILD", "1");
      env.put("PORT", Integer.toString(apiPort));
      env.put("INMO_DEV_TEMPORAL_PORT", Integer.toString(temporalPort));
    }, "bash", "./inmo", "dev");
    try {
      // whole lines only: the banner is written in pieces, and half of it once ended this test
      MatchResult coldStart = dev.awaitLine(DevModeProcess.UP, Duration.ofSeconds(120));
      System.out.printf("dev mode run %d: cold start to healthy %s s%n", run, coldStart.group(1));

      HttpResponse<String> health = get(apiPort, "/health", null);
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"healthy\"");

      MatchResult login = dev.awaitLine(Pattern.compile("Log in\\s+(\\S+) / (\\S+)"), Duration.ofSeconds(10));
      HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/auth/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"email\":\"" + login.group(1) + "\",\"password\":\"" + login.group(2) + "\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(token.statusCode()).isEqualTo(200);
      Matcher access = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
      assertThat(access.find()).isTrue();
      assertThat(get(apiPort, "/auth/me", access.group(1)).body()).contains(login.group(1));

      List<ProcessHandle> started = dev.process.descendants().collect(Collectors.toList());
      assertThat(started).as("the embedded PostgreSQL and Redis run as child processes").isNotEmpty();

      dev.interrupt();
      assertThat(dev.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("Ctrl-C ends it").isTrue();
      assertThat(started).as("no child process outlives it").noneMatch(ProcessHandle::isAlive);
      assertThat(LauncherProcess.portFree(apiPort)).as("api port released").isTrue();
      assertThat(LauncherProcess.portFree(temporalPort)).as("Temporal port released").isTrue();
    } finally {
      dev.process.descendants().forEach(ProcessHandle::destroyForcibly);
      dev.process.destroyForcibly();
    }
  }

  private HttpResponse<String> get(int port, String path, String bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
