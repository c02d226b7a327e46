package com.inmo.api.command;

import com.inmo.api.config.ApiStartupCheck;
import com.inmo.api.config.DatabaseUrl;
import com.inmo.api.config.Environments;
import com.inmo.api.schema.SchemaGuard;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * {@code preflight}: the deployment guide's "before" checklist, run against the real environment before a
 * rollout. One line a check, {@code OK …} or {@code FAIL …}: {@code ENVIRONMENT=production}, {@code SECRET_KEY}
 * and {@code INTERNAL_API_TOKEN} of at least 32 characters and not .env.example's placeholders,
 * {@code ALLOWED_ORIGINS}, the other variables production requires
 * ({@link ApiStartupCheck}), PostgreSQL reachable at {@code DATABASE_URL} (and its schema not newer than this
 * build), Redis answering PING at {@code REDIS_URL}, Temporal answering at {@code TEMPORAL_ADDRESS} and the
 * namespace registered. Exit 0 only when every check passes, 1 otherwise.
 *
 * <p>A server without a namespace registry (the embedded dev/test server, which accepts any namespace)
 * cannot be asked about the namespace: that line says "not checkable" and counts as passed, since nothing
 * there can be wrong. A real cluster always answers, and a missing namespace fails.
 */
public final class Preflight {

  public static final String COMMAND = "preflight";
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final CheckReport report = new CheckReport();

  private Preflight() {
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out) {
    if (args.length > 1) {
      out.println("FAIL usage: " + COMMAND + " takes no arguments (it reads the environment), got " + args[1]);
      return 2;
    }
    Preflight preflight = new Preflight();
    preflight.check(env);
    return preflight.report.print(out, "Preflight");
  }

  private void ok(String line) {
    report.ok(line);
  }

  private void fail(String line) {
    report.fail(line);
  }

  private void check(Map<String, String> env) {
    String environment = env.get("ENVIRONMENT");
    if (Environments.isProduction(environment)) {
      ok("ENVIRONMENT=production");
    } else {
      fail("ENVIRONMENT must be production, " + (blank(environment) ? "it is not set" : "it is '" + environment.trim() + "'"));
    }

    // the production rules, whatever ENVIRONMENT says now: that line fails on its own
    Map<String, String> asProduction = new HashMap<>(env);
    asProduction.put("ENVIRONMENT", "production");
    List<String> problems = ApiStartupCheck.problems(asProduction);

    secret(env, problems, "SECRET_KEY", ApiStartupCheck.MIN_SECRET_KEY_LENGTH);
    secret(env, problems, "INTERNAL_API_TOKEN", ApiStartupCheck.MIN_INTERNAL_TOKEN_LENGTH);
    String originsProblem = first(problems, "ALLOWED_ORIGINS");
    if (originsProblem == null) {
      ok("ALLOWED_ORIGINS=" + env.get("ALLOWED_ORIGINS").trim());
    } else {
      fail(originsProblem);
    }
    List<String> others = problems.stream().filter(p -> !startsWithAny(p, "SECRET_KEY", "INTERNAL_API_TOKEN",
        "ALLOWED_ORIGINS", "DATABASE_URL", "REDIS_URL", "TEMPORAL_ADDRESS")).toList();
    if (others.isEmpty()) {
      ok("the other required variables are set"
          + (!blank(env.get("TELEGRAM_WEBHOOK_URL")) ? " (TELEGRAM_WEBHOOK_SECRET)" : ""));
    } else {
      others.forEach(this::fail);
    }

    postgres(env, first(problems, "DATABASE_URL"));
    redis(env, first(problems, "REDIS_URL"));
    temporal(env, first(problems, "TEMPORAL_ADDRESS"));
  }

  /** One line for a secret: its length, or what is wrong with it (missing, short, the example's placeholder). */
  private void secret(Map<String, String> env, List<String> problems, String variable, int minLength) {
    String problem = first(problems, variable);
    if (problem == null) {
      ok(variable + " has " + env.get(variable).length() + " characters (at least " + minLength + ")");
    } else {
      fail(problem);
    }
  }

  private void postgres(Map<String, String> env, String problem) {
    if (problem != null) {
      fail("PostgreSQL not checked: " + problem);
      return;
    }
    DatabaseUrl url = DatabaseUrl.parse(env.get("DATABASE_URL"));
    try (Connection db = CommandSupport.connect(url, TIMEOUT, TIMEOUT); Statement sql = db.createStatement()) {
      String server;
      try (ResultSet rs = sql.executeQuery("SHOW server_version")) {
        rs.next();
        server = rs.getString(1);
      }
      // Flyway's own reading of the schema against the migrations this build ships
      Flyway flyway = Flyway.configure().dataSource(url.jdbcUrl(), url.username(), url.password())
          .locations("classpath:db/migration").load();
      MigrationInfoService info = flyway.info();
      try {
        SchemaGuard.requireKnownSchema(flyway);
      } catch (SchemaGuard.NewerSchemaException e) {
        fail("PostgreSQL " + url.describe() + ": " + e.getMessage());
        return;
      }
      MigrationInfo current = info.current();
      int pending = info.pending().length;
      ok("PostgreSQL " + url.describe() + " answers (server " + server + "; schema version "
          + (current == null || current.getVersion() == null ? "none yet" : current.getVersion())
          + (pending == 0 ? ", up to date" : ", " + pending + " migration" + (pending == 1 ? "" : "s") + " to apply")
          + ")");
    } catch (SQLException | RuntimeException e) {
      fail("PostgreSQL " + url.describe() + " unreachable: " + CommandSupport.oneLine(e));
    }
  }

  private void redis(Map<String, String> env, String problem) {
    if (problem != null) {
      fail("Redis not checked: " + problem);
      return;
    }
    String raw = env.get("REDIS_URL").trim();
    String shown = raw.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
    RedisURI uri;
    try {
      uri = RedisURI.create(raw);
    } catch (RuntimeException e) {
      fail("Redis not checked: REDIS_URL is not a Redis URL (" + shown + "): " + CommandSupport.oneLine(e));
      return;
    }
    uri.setTimeout(TIMEOUT);
    RedisClient client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder().autoReconnect(false)
        .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build()).build());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      String pong = connection.sync().ping();
      if ("PONG".equals(pong)) {
        ok("Redis " + shown + " answers PONG");
      } else {
        fail("Redis " + shown + " answered '" + pong + "' to PING");
      }
    } catch (RuntimeException e) {
      fail("Redis " + shown + " unreachable: " + CommandSupport.oneLine(e));
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private void temporal(Map<String, String> env, String problem) {
    String namespace = blank(env.get("TEMPORAL_NAMESPACE")) ? "default" : env.get("TEMPORAL_NAMESPACE").trim();
    if (problem != null) {
      fail("Temporal not checked (nor its namespace '" + namespace + "'): " + problem);
      return;
    }
    String target = env.get("TEMPORAL_ADDRESS").trim();
    WorkflowServiceStubs stubs;
    try {
      stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    } catch (RuntimeException e) {
      fail("Temporal not checked: TEMPORAL_ADDRESS '" + target + "' is not host:port: " + CommandSupport.oneLine(e));
      return;
    }
    try {
      GetSystemInfoResponse info;
      try {
        info = stubs.blockingStub().withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      } catch (StatusRuntimeException e) {
        fail("Temporal " + target + " unreachable (namespace '" + namespace + "' not checked): " + describe(e));
        return;
      }
      ok("Temporal " + target + " answers" + (info.getServerVersion().isEmpty() ? ""
          : " (server " + info.getServerVersion() + ")"));
      try {
        DescribeNamespaceResponse described = describeNamespace(stubs, namespace);
        if (!hasNamespaceRegistry(stubs)) {
          ok("Temporal namespace '" + namespace + "' not checkable: this server has no namespace registry "
              + "(the embedded dev/test server, which accepts any namespace)");
          return;
        }
        ok("Temporal namespace '" + namespace + "' is registered ("
            + described.getNamespaceInfo().getState().name().replace("NAMESPACE_STATE_", "").toLowerCase(Locale.ROOT)
            + ")");
      } catch (StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.UNIMPLEMENTED) {
          ok("Temporal namespace '" + namespace + "' not checkable: this server has no namespace registry "
              + "(the embedded dev/test server, which accepts any namespace)");
        } else if (code == Status.Code.NOT_FOUND) {
          fail("Temporal namespace '" + namespace + "' is not registered at " + target
              + ": run the namespace job (docker compose up temporal-namespace) or set TEMPORAL_NAMESPACE");
        } else {
          fail("Temporal namespace '" + namespace + "' not checked: " + describe(e));
        }
      }
    } finally {
      stubs.shutdownNow();
      stubs.awaitTermination(2, TimeUnit.SECONDS);
    }
  }

  private static DescribeNamespaceResponse describeNamespace(WorkflowServiceStubs stubs, String namespace) {
    return stubs.blockingStub().withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
  }

  /**
   * A real cluster answers NOT_FOUND for a namespace nobody registered; the embedded dev/test server describes
   * any name it is given (it has no registry), so there "registered" would mean nothing.
   */
  private static boolean hasNamespaceRegistry(WorkflowServiceStubs stubs) {
    try {
      describeNamespace(stubs, "inmo-preflight-probe-" + UUID.randomUUID());
      return false;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() != Status.Code.UNIMPLEMENTED;
    }
  }

  private static String describe(StatusRuntimeException e) {
    String description = e.getStatus().getDescription();
    return e.getStatus().getCode() + (description == null ? "" : ": " + description.replaceAll("\\s*\\n\\s*", " "));
  }

  private static String first(List<String> problems, String variable) {
    return problems.stream().filter(p -> p.startsWith(variable)).findFirst().orElse(null);
  }

  private static boolean startsWithAny(String problem, String... variables) {
    for (String v : variables) {
      if (problem.startsWith(v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
