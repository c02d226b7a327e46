package com.inmo.devmode.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.inmo.devmode.compose.ComposeProject.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker Compose itself accepts docker-compose.yml and resolves it as intended, with the variables of
 * .env.example. Needs the `docker-compose` command (Debian's package; `.ci/run` installs it) or the
 * `docker compose` plugin; no Docker engine. Skipped without either.
 *
 * <p>The variables come from a copy of .env.example passed with --env-file, so the repository's own .env (if
 * any) is neither read nor created nor removed: the check is the same on every machine, and a parallel run
 * cannot delete a file another one still needs.
 */
class ComposeConfigCommandTest {

  /** Values compose requires that .env.example does not list yet (see ComposeEnvironmentTest). */

  private static List<String> compose;

  @BeforeAll
  static void findCompose() {
    Path root = ComposeProject.root();
    if (ComposeProject.onPath("docker-compose")) {
      compose = List.of("docker-compose");
    } else if (ComposeProject.onPath("docker")
        && ComposeProject.run(List.of("docker", "compose", "version"), Map.of(), root).exitCode() == 0) {
      compose = List.of("docker", "compose");
    }
  }

  @Test
  void composeAcceptsTheFile(@TempDir Path tmp) throws IOException {
    Result result = config(tmp, "-q");
    assertEquals(0, result.exitCode(), "docker-compose config -q rejected docker-compose.yml:\n" + result.output());
  }

  @Test
  void composeResolvesTheWiringFromTheEnvFile(@TempDir Path tmp) throws IOException {
    Result result = config(tmp);
    assertEquals(0, result.exitCode(), result.output());
    String yaml = result.output().substring(Math.max(0, result.output().indexOf("services:")));
    @SuppressWarnings("unchecked")
    Map<String, Object> resolved = (Map<String, Object>) ComposeProject.yaml(yaml);
    @SuppressWarnings("unchecked")
    Map<String, Object> services = (Map<String, Object>) resolved.get("services");
    @SuppressWarnings("unchecked")
    Map<String, String> api = ComposeProject.environment((Map<String, Object>) services.get("api"));
    @SuppressWarnings("unchecked")
    Map<String, String> worker = ComposeProject.environment((Map<String, Object>) services.get("worker"));
    Map<String, String> example = ComposeProject.envExample();

    String user = example.getOrDefault("POSTGRES_USER", "inmo");
    String password = example.get("POSTGRES_PASSWORD");
    String database = example.getOrDefault("POSTGRES_DB", "inmo");
    assertEquals("postgresql://" + user + ":" + password + "@db:5432/" + database, api.get("DATABASE_URL"));
    assertEquals(example.get("SECRET_KEY"), api.get("SECRET_KEY"));
    assertEquals(example.get("INTERNAL_API_TOKEN"), worker.get("INTERNAL_API_TOKEN"));
    assertEquals("http://api:8001", worker.get("INMO_API_URL"));
    // .env.example leaves TELEGRAM_API_URL empty: the worker must still get the real Bot API
    assertEquals("", example.get("TELEGRAM_API_URL"));
    assertEquals("https://api.telegram.org", worker.get("TELEGRAM_API_URL"));
    assertEquals(example.get("GOOGLE_CALENDAR_ID"), worker.get("GOOGLE_CALENDAR_ID"));
  }

  @Test
  void aMissingRequiredVariableStopsComposeWithItsName(@TempDir Path tmp) throws IOException {
    Result result = config(tmp, List.of("SECRET_KEY"), "-q");
    assertTrue(result.exitCode() != 0, "compose accepted a .env without SECRET_KEY:\n" + result.output());
    assertTrue(result.output().contains("SECRET_KEY"), result.output());
  }

  private static Result config(Path tmp, String... args) throws IOException {
    return config(tmp, List.of(), args);
  }

  /** Runs `compose --env-file <copy of .env.example without `drop`> -f docker-compose.yml config <args>`. */
  private static Result config(Path tmp, List<String> drop, String... args) throws IOException {
    RequiredTool.present(compose != null, "neither docker-compose nor `docker compose` is installed: "
        + "`apt-get install docker-compose` to run this check");
    Path root = ComposeProject.root();
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve(".env.example"), StandardCharsets.UTF_8)) {
      if (drop.stream().noneMatch(v -> line.startsWith(v + "="))) {
        lines.add(line);
      }
    }
    Path envFile = tmp.resolve("compose.env");
    Files.write(envFile, lines, StandardCharsets.UTF_8);

    List<String> command = new ArrayList<>(compose);
    command.addAll(List.of("--env-file", envFile.toString(), "-f", root.resolve("docker-compose.yml").toString(),
        "config"));
    command.addAll(List.of(args));
    // compose prefers the process's environment to the env file: keep the machine's own values out
    Set<String> unset = new HashSet<>(ComposeProject.envExample().keySet());
    unset.addAll(List.of("POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB", "COMPOSE_FILE", "COMPOSE_PROJECT_NAME"));
    return ComposeProject.run(command, Map.of(), unset, root);
  }
}
