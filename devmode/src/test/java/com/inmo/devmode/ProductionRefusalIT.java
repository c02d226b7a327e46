package com.inmo.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built api and worker jars, started as an operator would with a broken production environment,
 * stop at once with one line naming each variable to fix.
 */
class ProductionRefusalIT {

  @Test
  void theApiNamesTheShortSecretAndEachMissingVariable() throws Exception {
    LauncherProcess api = LauncherProcess.start("refusal-api.log", env -> {
      env.put("ENVIRONMENT", "production");
      env.put("SECRET_KEY", "too-short");
      env.put("DATABASE_URL", "postgresql://inmo:pw@db:5432/inmo");
    }, LauncherProcess.javaBin(), "-jar", jar("api", "inmo-api").toString());

    assertThat(api.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(api.process.exitValue()).isEqualTo(2);
    assertThat(api.lines().stream().filter(l -> l.startsWith("Configuration error: ")).toList()).containsExactly(
        "Configuration error: SECRET_KEY must be at least 32 characters when ENVIRONMENT=production (it has 9)",
        "Configuration error: REDIS_URL is required when ENVIRONMENT=production",
        "Configuration error: ALLOWED_ORIGINS is required when ENVIRONMENT=production",
        "Configuration error: TEMPORAL_ADDRESS is required when ENVIRONMENT=production",
        "Configuration error: INTERNAL_API_TOKEN is required when ENVIRONMENT=production");
  }

  @Test
  void theWorkerNamesAnUnknownLlmProvider() throws Exception {
    LauncherProcess worker = LauncherProcess.start("refusal-worker.log", env -> env.put("LLM_PROVIDER", "gpt5"),
        LauncherProcess.javaBin(), "-jar", jar("worker", "inmo-worker").toString());

    assertThat(worker.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(worker.process.exitValue()).isEqualTo(2);
    assertThat(worker.lines()).contains(
        "Configuration error: LLM_PROVIDER must be one of [claude, gemini, offline, openai], got 'gpt5'");
  }

  @Test
  void devModeRefusesProduction() throws Exception {
    LauncherProcess dev = LauncherProcess.start("refusal-dev.log", env -> {
      env.put("INMO_SKIP_BUILD", "1");
      env.put("ENVIRONMENT", "production");
    }, "bash", "./inmo", "dev");

    assertThat(dev.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(dev.process.exitValue()).isEqualTo(1);
    assertThat(dev.lines()).anySatisfy(line ->
        assertThat(line).contains("with ENVIRONMENT=production run the api and the worker"));
  }

  private static Path jar(String module, String artifact) throws IOException {
    try (Stream<Path> files = Files.list(LauncherProcess.REPO.resolve(module).resolve("target"))) {
      return files.filter(p -> p.getFileName().toString().matches(artifact + "-.*-exec\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("build the " + module + " module first (mvn package)"));
    }
  }
}
