package com.inmo.devmode.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The images: multi-stage builds, a non-root final stage, no secret inside, health checks and ports. */
class DockerfilesTest {

  private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|SECRET|TOKEN|PASSWORD).*");

  record Instruction(String keyword, String args) {
  }

  /** One build stage: its FROM line and what follows it. */
  record Stage(String from, List<Instruction> instructions) {
    String last(String keyword) {
      String found = null;
      for (Instruction i : instructions) {
        if (i.keyword().equals(keyword)) {
          found = i.args();
        }
      }
      return found;
    }

    List<String> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::args).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "worker"})
  void javaImagesBuildWithMavenAndRunOnTheJre(String module) {
    List<Stage> stages = stages(module + "/Dockerfile");
    assertTrue(stages.size() >= 2, module + ": multi-stage");
    Stage build = stages.get(0);
    Stage run = stages.get(stages.size() - 1);
    assertTrue(build.from().matches("(?i)maven:3\\.9-eclipse-temurin-17\\s+AS\\s+\\w+"), build.from());
    assertTrue(build.all("RUN").stream().anyMatch(r -> r.contains("mvn -B -pl " + module + " -am package -DskipTests")),
        module + " builds with mvn -B -pl " + module + " -am package -DskipTests");
    assertTrue(build.all("RUN").stream().anyMatch(r -> r.contains(module + "/target/inmo-" + module + "-*-exec.jar")),
        module + " takes the repackaged jar (classifier exec)");
    assertTrue(ComposeProject.read(module + "/pom.xml").contains("<classifier>exec</classifier>"),
        module + "/pom.xml no longer repackages with classifier exec: fix the Dockerfile's jar name");
    assertEquals("eclipse-temurin:17-jre", run.from());
    assertTrue(String.join(" ", run.all("ENV")).contains("JAVA_OPTS="), module + ": default JAVA_OPTS");
    assertTrue(run.last("ENTRYPOINT").contains("exec java $JAVA_OPTS -jar"), module + ": " + run.last("ENTRYPOINT"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"api/Dockerfile", "worker/Dockerfile", "frontend/Dockerfile"})
  void theFinalStageRunsAsANonRootUser(String dockerfile) {
    List<Stage> stages = stages(dockerfile);
    assertTrue(stages.size() >= 2, dockerfile + ": multi-stage");
    String user = stages.get(stages.size() - 1).last("USER");
    assertTrue(user != null, dockerfile + ": the final stage sets no USER");
    String name = user.split(":")[0].trim();
    assertFalse(name.equals("root") || name.equals("0"), dockerfile + ": USER " + user);
  }

  @ParameterizedTest
  @ValueSource(strings = {"api/Dockerfile", "worker/Dockerfile", "frontend/Dockerfile"})
  void noSecretIsBakedIn(String dockerfile) {
    List<String> problems = new ArrayList<>();
    for (Stage stage : stages(dockerfile)) {
      for (Instruction i : stage.instructions()) {
        if (i.keyword().equals("ENV") || i.keyword().equals("ARG")) {
          for (String[] kv : assignments(i)) {
            if (SECRET_NAME.matcher(kv[0].toUpperCase(Locale.ROOT)).matches() && !kv[1].isEmpty()) {
              problems.add(i.keyword() + " " + kv[0] + " has a value");
            }
          }
        }
        if ((i.keyword().equals("COPY") || i.keyword().equals("ADD")) && i.args().matches("(?s).*(^|\\s)\\.?/?\\.env(\\s|$).*")) {
          problems.add(i.keyword() + " " + i.args() + " copies .env");
        }
      }
    }
    assertTrue(problems.isEmpty(), dockerfile + ": " + problems);
  }

  @Test
  void theApiExposes8000AndChecksItsHealth() {
    Stage run = finalStage("api/Dockerfile");
    assertEquals("8000", run.last("EXPOSE"));
    assertTrue(run.last("HEALTHCHECK").contains("/health"), run.last("HEALTHCHECK"));
  }

  /**
   * {@code backup} and {@code restore} run PostgreSQL's pg_dump and pg_restore from the api image: the client of
   * the db service's major version (an older pg_dump refuses a newer server; a newer one writes archives an older
   * pg_restore cannot read), from PostgreSQL's own apt repository (the JRE image's Ubuntu ships another major).
   */
  @Test
  void theApiImageCarriesThePostgresClientOfTheDbsMajorVersion() {
    String dbImage = (String) ComposeProject.service("db").get("image");
    Matcher major = Pattern.compile("postgres:(\\d+)").matcher(dbImage);
    assertTrue(major.find(), "db image " + dbImage);
    Stage run = finalStage("api/Dockerfile");
    String pgMajor = run.all("ARG").stream().flatMap(a -> assignments(new Instruction("ARG", a)).stream())
        .filter(kv -> kv[0].equals("PG_MAJOR")).map(kv -> kv[1]).findFirst().orElse(null);
    assertEquals(major.group(1), pgMajor, "api/Dockerfile: ARG PG_MAJOR follows the db image " + dbImage);
    String runs = String.join("\n", run.all("RUN"));
    assertTrue(runs.contains("postgresql-client-${PG_MAJOR}"), "the api image installs postgresql-client-${PG_MAJOR}");
    assertTrue(runs.contains("apt.postgresql.org"), "from PostgreSQL's apt repository");
    assertTrue(runs.contains("/backups"), "a /backups directory the non-root user owns");
  }

  @Test
  void theWorkerListensOnNothingAndStillHasAHealthcheck() {
    Stage run = finalStage("worker/Dockerfile");
    assertNull(run.last("EXPOSE"), "the worker serves no port; an EXPOSE would mislead");
    assertTrue(run.last("HEALTHCHECK") != null && run.last("HEALTHCHECK").contains("CMD"));
  }

  @Test
  void theFrontendServesTheBuiltDashboardOn3000AndProxiesTheApi() {
    Stage run = finalStage("frontend/Dockerfile");
    assertTrue(run.from().startsWith("nginxinc/nginx-unprivileged:"), run.from());
    assertEquals("3000", run.last("EXPOSE"));
    assertTrue(run.last("HEALTHCHECK").contains("3000/healthz"), run.last("HEALTHCHECK"));
    String nginx = ComposeProject.read("frontend/nginx.conf");
    assertTrue(nginx.contains("listen 3000;"), "nginx.conf listens on 3000");
    assertTrue(nginx.contains("location = /healthz"), "nginx.conf answers the health check");
    assertTrue(nginx.contains("try_files $uri $uri/ /index.html"), "client-side routes fall back to index.html");
    // the dashboard calls the api on its own origin; SSE needs the proxy not to buffer
    assertTrue(nginx.contains("proxy_pass http://api:8000;"), "nginx.conf proxies the api's paths");
    assertTrue(nginx.contains("proxy_buffering off;"), "the live event stream is not buffered");
    Stage build = stages("frontend/Dockerfile").get(0);
    assertTrue(build.all("RUN").stream().anyMatch(r -> r.contains("npm ci") && r.contains("npm run build")),
        "the image builds the dashboard from the lock file");
  }

  @Test
  void theBuildContextLeavesOutputsRepositoryAndSecrets() {
    List<String> patterns = ComposeProject.read(".dockerignore").lines().map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    for (String needed : List.of("**/target/", "**/node_modules/", ".git", ".env", "backups/")) {
      assertTrue(patterns.contains(needed), ".dockerignore lacks " + needed + ": " + patterns);
    }
  }

  private static Stage finalStage(String dockerfile) {
    List<Stage> stages = stages(dockerfile);
    return stages.get(stages.size() - 1);
  }

  /** ENV/ARG arguments as name/value pairs ("A=b C=d", "A b", "A"). */
  private static List<String[]> assignments(Instruction i) {
    List<String[]> out = new ArrayList<>();
    String args = i.args().trim();
    if (!args.contains("=")) {
      String[] parts = args.split("\\s+", 2);
      out.add(new String[] {parts[0], parts.length > 1 ? parts[1].trim() : ""});
      return out;
    }
    Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)").matcher(args);
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2).replaceAll("^\"|\"$", "")});
    }
    return out;
  }

  /** The Dockerfile's stages; continuation lines joined, comments dropped. */
  static List<Stage> stages(String dockerfile) {
    List<Stage> stages = new ArrayList<>();
    StringBuilder logical = new StringBuilder();
    List<String> lines = new ArrayList<>();
    for (String line : ComposeProject.read(dockerfile).split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && logical.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
      } else {
        logical.append(trimmed);
        lines.add(logical.toString().trim());
        logical.setLength(0);
      }
    }
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      String keyword = parts[0].toUpperCase(Locale.ROOT);
      String args = parts.length > 1 ? parts[1] : "";
      if (keyword.equals("FROM")) {
        stages.add(new Stage(args, new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, args));
      }
    }
    return stages;
  }
}
