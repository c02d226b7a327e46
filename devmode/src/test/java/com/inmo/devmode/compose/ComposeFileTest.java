package com.inmo.devmode.compose;

import static com.inmo.devmode.compose.ComposeProject.dependsOn;
import static com.inmo.devmode.compose.ComposeProject.environment;
import static com.inmo.devmode.compose.ComposeProject.oneShotJobs;
import static com.inmo.devmode.compose.ComposeProject.ports;
import static com.inmo.devmode.compose.ComposeProject.service;
import static com.inmo.devmode.compose.ComposeProject.services;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.inmo.devmode.compose.ComposeProject.PortMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docker-compose.yml holds the services, images, ports and start order the deployment guide names. */
class ComposeFileTest {

  private static final Set<String> LONG_RUNNING_RESTARTS = Set.of("always", "unless-stopped");
  private static final Set<String> CONDITIONS =
      Set.of("service_healthy", "service_completed_successfully", "service_started");

  @Test
  void isACurrentComposeSpecFile() {
    Map<String, Object> compose = ComposeProject.compose();
    assertFalse(compose.containsKey("version"), "the Compose spec has no version: key (obsolete, warned about)");
    assertTrue(compose.get("services") instanceof Map, "no services:");
  }

  @Test
  void everyServiceTheGuideNamesRunsTheGuidesImage() {
    assertTrue(services().keySet().containsAll(List.of("db", "redis", "temporal-admin-tools", "temporal",
        "temporal-namespace", "temporal-ui", "api", "worker", "frontend")), "services: " + services().keySet());

    assertEquals("postgres:15", service("db").get("image"));
    assertEquals("redis:7", service("redis").get("image"));
    String server = String.valueOf(service("temporal").get("image"));
    assertTrue(server.startsWith("temporalio/server:"), server);
    assertTrue(String.valueOf(service("temporal-ui").get("image")).startsWith("temporalio/ui:"));

    // admin-tools must match the server: its schema files are the ones that server version expects
    String version = server.substring(server.indexOf(':') + 1);
    assertEquals("temporalio/admin-tools:" + version, service("temporal-admin-tools").get("image"));
    assertEquals("temporalio/admin-tools:" + version, service("temporal-namespace").get("image"));

    for (String built : List.of("api", "worker", "frontend")) {
      Object build = service(built).get("build");
      assertTrue(build instanceof Map, built + " is built from the repository");
      Map<?, ?> spec = (Map<?, ?>) build;
      assertEquals(".", spec.get("context"), built + " builds from the repository root (the .dockerignore there)");
      assertEquals(built + "/Dockerfile", spec.get("dockerfile"));
      assertTrue(Files.isRegularFile(ComposeProject.file(built + "/Dockerfile")), built + "/Dockerfile");
    }
  }

  @Test
  void publishesOnlyTheGuidesPorts() {
    assertEquals(List.of(new PortMapping("", "8000", "8000")), ports(service("api")));
    assertEquals(List.of(new PortMapping("", "3000", "3000")), ports(service("frontend")));
    // the Web UI has no login: loopback only, reached through an SSH tunnel
    assertEquals(List.of(new PortMapping("127.0.0.1", "8080", "8080")), ports(service("temporal-ui")));
    services().keySet().stream().filter(s -> !Set.of("api", "frontend", "temporal-ui").contains(s))
        .forEach(s -> assertTrue(ports(service(s)).isEmpty(), s + " must stay inside the compose network"));
  }

  @Test
  void theWorkerScales() {
    Map<String, Object> worker = service("worker");
    // `docker compose up --scale worker=3` fails on a fixed name or a published port, and replicas that
    // share a hostname share a Temporal worker identity
    assertFalse(worker.containsKey("container_name"), "worker: container_name");
    assertFalse(worker.containsKey("ports"), "worker: ports");
    assertFalse(worker.containsKey("hostname"), "worker: hostname");
  }

  @Test
  void everyServiceRestartsAndEveryLongRunningOneHasAHealthcheck() {
    Set<String> jobs = oneShotJobs();
    assertEquals(Set.of("temporal-admin-tools", "temporal-namespace"), jobs);
    services().forEach((name, spec) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> service = (Map<String, Object>) spec;
      String restart = String.valueOf(service.get("restart"));
      if (jobs.contains(name)) {
        // a job that exited 0 must stay exited; "always" would run it in a loop
        assertTrue(restart.startsWith("on-failure"), name + ": restart " + restart);
      } else {
        assertTrue(LONG_RUNNING_RESTARTS.contains(restart), name + ": restart " + restart);
        Object healthcheck = service.get("healthcheck");
        assertTrue(healthcheck instanceof Map<?, ?> h && h.get("test") != null
            && !Boolean.TRUE.equals(h.get("disable")), name + " has no healthcheck");
      }
    });
  }

  @Test
  void startOrderUsesConditions() {
    services().forEach((name, spec) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> service = (Map<String, Object>) spec;
      dependsOn(service).forEach((dep, condition) -> {
        assertTrue(CONDITIONS.contains(condition), name + " -> " + dep + ": condition '" + condition + "'");
        assertTrue(services().containsKey(dep), name + " depends on unknown " + dep);
        if (condition.equals("service_healthy")) {
          assertNotNull(service(dep).get("healthcheck"), name + " waits for " + dep + " healthy, which has no check");
        }
      });
    });
    assertEquals(Map.of("db", "service_healthy"), dependsOn(service("temporal-admin-tools")));
    assertEquals(Map.of("db", "service_healthy", "temporal-admin-tools", "service_completed_successfully"),
        dependsOn(service("temporal")));
    assertEquals(Map.of("temporal", "service_healthy"), dependsOn(service("temporal-namespace")));
    assertEquals(Map.of("temporal", "service_healthy"), dependsOn(service("temporal-ui")));
    assertEquals(Map.of("db", "service_healthy", "redis", "service_healthy", "temporal", "service_healthy",
        "temporal-namespace", "service_completed_successfully"), dependsOn(service("api")));
    assertEquals("service_healthy", dependsOn(service("worker")).get("api"));
    assertEquals("service_completed_successfully", dependsOn(service("worker")).get("temporal-namespace"));
  }

  @Test
  void theProcessesRunInProductionAgainstTheStacksOwnServices() {
    Map<String, String> api = environment(service("api"));
    Map<String, String> worker = environment(service("worker"));
    for (Map<String, String> env : List.of(api, worker)) {
      assertEquals("production", env.get("ENVIRONMENT"));
      assertEquals("temporal:7233", env.get("TEMPORAL_ADDRESS"));
    }
    // the worker reaches /internal/** on the api's internal port, which is never published (publishesOnlyTheGuidesPorts)
    assertEquals("8001", api.get("INTERNAL_PORT"));
    assertEquals("http://api:8001", worker.get("INMO_API_URL"));
    assertEquals("false", api.get("INMO_SEED_DEMO"), "the demo broker's known logins never reach production");
    assertEquals("redis://redis:6379/0", api.get("REDIS_URL"));
    assertTrue(api.get("DATABASE_URL").matches(
            "postgresql://\\$\\{POSTGRES_USER[^}]*}:\\$\\{POSTGRES_PASSWORD[^}]*}@db:5432/\\$\\{POSTGRES_DB[^}]*}"),
        "DATABASE_URL is assembled from the db container's own credentials: " + api.get("DATABASE_URL"));
    // least privilege: the worker never touches the database and never signs a login
    assertFalse(worker.containsKey("DATABASE_URL"), "worker: DATABASE_URL");
    assertFalse(worker.containsKey("SECRET_KEY"), "worker: SECRET_KEY");
  }

  @Test
  void bothProcessesGetTheSameVoiceProviderAndNeverTheSimulatorByDefault() {
    // production refuses the simulator (made-up transcripts on real leads); unset means calling off, and the
    // api tells the workflows so (voiceEnabled): both must see the same value
    for (String s : List.of("api", "worker")) {
      assertEquals("${VOICE_PROVIDER:-}", environment(service(s)).get("VOICE_PROVIDER"), s + ": VOICE_PROVIDER");
    }
    assertEquals("", ComposeProject.envExample().get("VOICE_PROVIDER"), ".env.example: VOICE_PROVIDER");
  }

  @Test
  void backupsLandOnTheHostAndTheCommandsBackUpTheDatabasesTemporalUses() {
    Map<String, Object> api = service("api");
    assertTrue(strings(api.get("volumes")).contains("./backups:/backups"), "api volumes: " + api.get("volumes"));
    Map<String, String> env = environment(api);
    Map<String, String> temporal = environment(service("temporal"));
    assertEquals("/backups", env.get("BACKUP_DIR"));
    assertEquals(temporal.get("DBNAME"), env.get("TEMPORAL_DATABASE"));
    assertEquals(temporal.get("VISIBILITY_DBNAME"), env.get("TEMPORAL_VISIBILITY_DATABASE"));
  }

  @Test
  void postgresKeepsItsDataAndCreatesTemporalsDatabases() throws Exception {
    Map<String, Object> db = service("db");
    List<String> volumes = strings(db.get("volumes"));
    assertTrue(volumes.contains("pgdata:/var/lib/postgresql/data"), "named data volume: " + volumes);
    assertTrue(((Map<?, ?>) ComposeProject.compose().get("volumes")).containsKey("pgdata"));
    assertTrue(String.valueOf(((Map<?, ?>) db.get("healthcheck")).get("test")).contains("pg_isready"));

    String init = volumes.stream().filter(v -> v.contains(":/docker-entrypoint-initdb.d")).findFirst()
        .orElseThrow(() -> new AssertionError("no init script mounted: " + volumes));
    Path dir = ComposeProject.file(init.substring(0, init.indexOf(':')).replaceFirst("^\\./", ""));
    StringBuilder scripts = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        scripts.append(Files.readString(f)).append('\n');
      }
    }
    String sql = scripts.toString().replaceAll("--[^\n]*", "");
    assertTrue(sql.contains("CREATE DATABASE temporal;"), sql);
    assertTrue(sql.contains("CREATE DATABASE temporal_visibility;"), sql);
  }

  @Test
  void temporalPersistsToPostgresWithTheProductionDynamicConfig() {
    Map<String, Object> temporal = service("temporal");
    Map<String, String> env = environment(temporal);
    assertEquals("postgres12", env.get("DB"));
    assertEquals("db", env.get("POSTGRES_SEEDS"));
    assertEquals("temporal", env.get("DBNAME"));
    assertEquals("temporal_visibility", env.get("VISIBILITY_DBNAME"));

    String configPath = env.get("DYNAMIC_CONFIG_FILE_PATH");
    assertTrue(configPath.startsWith("/"), configPath);
    Path onHost = null;
    for (String volume : strings(temporal.get("volumes"))) {
      String[] parts = volume.split(":");
      if (configPath.startsWith(parts[1] + "/")) {
        onHost = ComposeProject.file(parts[0].replaceFirst("^\\./", "") + configPath.substring(parts[1].length()));
      }
    }
    assertEquals(ComposeProject.file("temporal-config/dynamicconfig/production.yaml"), onHost,
        "DYNAMIC_CONFIG_FILE_PATH must be temporal-config/dynamicconfig/production.yaml, mounted");
    Object config = ComposeProject.yaml(ComposeProject.read("temporal-config/dynamicconfig/production.yaml"));
    assertTrue(config instanceof Map<?, ?> m && !m.isEmpty(), "dynamic config is a map of keys");
    ((Map<?, ?>) config).forEach((key, values) -> assertTrue(values instanceof List<?> l && !l.isEmpty()
        && l.stream().allMatch(v -> v instanceof Map<?, ?> vm && vm.containsKey("value")),
        key + ": every key holds a list of {value, constraints}"));
  }

  @Test
  void theApiTrustsForwardedAddressesFromTheStacksOwnNetworkOnly() {
    Object subnet = ((Map<?, ?>) ((List<?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ComposeProject.compose()
        .get("networks")).get("default")).get("ipam")).get("config")).get(0)).get("subnet");
    assertEquals("${TRUSTED_PROXIES:-" + subnet + "}", environment(service("api")).get("TRUSTED_PROXIES"),
        "the api's default trusted proxies are the compose network (nginx, and the host's proxy via its gateway)");
    String nginx = ComposeProject.read("frontend/nginx.conf");
    assertTrue(nginx.contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"), "nginx: X-Forwarded-For");
    assertTrue(nginx.contains("proxy_set_header X-Real-IP $remote_addr;"), "nginx: X-Real-IP");
  }

  @Test
  void redisKeepsNothingOnDisk() {
    String command = String.valueOf(service("redis").get("command"));
    assertTrue(command.contains("--save, ,") && command.contains("--appendonly, no"), command);
    // only keys with a TTL may be evicted: the call budget's reservations have none (CallReservations)
    assertTrue(command.contains("--maxmemory-policy, volatile-lru"), command);
  }

  @Test
  void theNamespaceJobGetsTheAppsNamespace() {
    Map<String, Object> job = service("temporal-namespace");
    assertEquals("${TEMPORAL_NAMESPACE:-default}", environment(job).get("TEMPORAL_NAMESPACE"));
    assertEquals("temporal:7233", environment(job).get("TEMPORAL_ADDRESS"));
    assertTrue(String.valueOf(job.get("entrypoint")).contains("setup-namespace.sh"));
    assertTrue(String.valueOf(service("temporal-admin-tools").get("entrypoint")).contains("setup-schema.sh"));
  }

  private static List<String> strings(Object list) {
    List<String> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      l.forEach(item -> out.add(String.valueOf(item)));
    }
    return out;
  }
}
