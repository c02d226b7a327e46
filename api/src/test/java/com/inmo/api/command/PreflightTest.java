package com.inmo.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.TestDatabase;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.temporal.api.enums.v1.NamespaceState;
import io.temporal.api.namespace.v1.NamespaceInfo;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.testserver.TestServer;
import java.net.InetSocketAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code preflight} against the machine's PostgreSQL and Redis and a port-bound Temporal test server: every
 * line OK with a sound environment, and exactly one FAIL line naming what is broken otherwise.
 */
class PreflightTest {

  static TestServer.PortBoundTestServer temporal;
  static int temporalPort;

  @BeforeAll
  static void startTemporal() throws IOException {
    temporalPort = freePort();
    temporal = TestServer.createPortBoundServer(temporalPort, true);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static Map<String, String> sound() {
    Map<String, String> env = new HashMap<>();
    env.put("ENVIRONMENT", "production");
    env.put("SECRET_KEY", "k".repeat(40));
    env.put("ALLOWED_ORIGINS", "https://app.inmo.test");
    env.put("INTERNAL_API_TOKEN", "i".repeat(40));
    env.put("DATABASE_URL", TestDatabase.url());
    env.put("REDIS_URL", "redis://127.0.0.1:6379/0");
    env.put("TEMPORAL_ADDRESS", "127.0.0.1:" + temporalPort);
    env.put("TEMPORAL_NAMESPACE", "default");
    return env;
  }

  record Result(int exit, List<String> lines) {
    List<String> failures() {
      return lines.stream().filter(l -> l.startsWith("FAIL ")).toList();
    }
  }

  static Result preflight(Map<String, String> env) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = Preflight.run(new String[] {"preflight"}, env, new PrintStream(out, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    return new Result(exit, text.lines().toList());
  }

  @Test
  void aSoundEnvironmentPassesEveryCheck() {
    Result result = preflight(sound());

    assertThat(result.exit()).isZero();
    assertThat(result.failures()).isEmpty();
    assertThat(result.lines()).contains("OK   ENVIRONMENT=production",
        "OK   SECRET_KEY has 40 characters (at least 32)", "OK   ALLOWED_ORIGINS=https://app.inmo.test",
        "OK   INTERNAL_API_TOKEN has 40 characters (at least 32)",
        "OK   the other required variables are set",
        "OK   Redis redis://127.0.0.1:6379/0 answers PONG",
        "OK   Temporal 127.0.0.1:" + temporalPort + " answers",
        "OK   Temporal namespace 'default' not checkable: this server has no namespace registry (the embedded "
            + "dev/test server, which accepts any namespace)");
    assertThat(result.lines()).anySatisfy(l -> assertThat(l).matches(
        "OK   PostgreSQL postgresql://postgres@127\\.0\\.0\\.1:5432/inmo_test_\\w+ answers \\(server [\\d.]+.*; schema "
            + "version .*\\)"));
    assertThat(result.lines().get(result.lines().size() - 1)).isEqualTo("Preflight passed: 9 checks OK");
  }

  static Stream<Arguments> brokenItems() throws IOException {
    int closed = freePort();
    return Stream.of(
        Arguments.of("a bad DATABASE_URL port", (Consumer<Map<String, String>>) env ->
                env.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:" + closed + "/inmo"),
            "FAIL PostgreSQL postgresql://postgres@127.0.0.1:" + closed + "/inmo unreachable: "),
        Arguments.of("the Redis port closed", (Consumer<Map<String, String>>) env ->
                env.put("REDIS_URL", "redis://127.0.0.1:" + closed),
            "FAIL Redis redis://127.0.0.1:" + closed + " unreachable: "),
        Arguments.of("Temporal closed", (Consumer<Map<String, String>>) env ->
                env.put("TEMPORAL_ADDRESS", "127.0.0.1:" + closed),
            "FAIL Temporal 127.0.0.1:" + closed + " unreachable (namespace 'default' not checked): UNAVAILABLE"),
        Arguments.of("a short SECRET_KEY", (Consumer<Map<String, String>>) env -> env.put("SECRET_KEY", "short-secret"),
            "FAIL SECRET_KEY must be at least 32 characters when ENVIRONMENT=production (it has 12)"),
        Arguments.of("ALLOWED_ORIGINS missing", (Consumer<Map<String, String>>) env -> env.remove("ALLOWED_ORIGINS"),
            "FAIL ALLOWED_ORIGINS is required when ENVIRONMENT=production"),
        Arguments.of("ENVIRONMENT not production", (Consumer<Map<String, String>>) env ->
                env.put("ENVIRONMENT", "development"),
            "FAIL ENVIRONMENT must be production, it is 'development'"),
        Arguments.of("INTERNAL_API_TOKEN missing", (Consumer<Map<String, String>>) env ->
                env.remove("INTERNAL_API_TOKEN"),
            "FAIL INTERNAL_API_TOKEN is required when ENVIRONMENT=production"),
        Arguments.of("a short INTERNAL_API_TOKEN", (Consumer<Map<String, String>>) env ->
                env.put("INTERNAL_API_TOKEN", "internal-token"),
            "FAIL INTERNAL_API_TOKEN must be at least 32 characters when ENVIRONMENT=production (it has 14)"),
        Arguments.of(".env.example's SECRET_KEY", (Consumer<Map<String, String>>) env ->
                env.put("SECRET_KEY", "change-me-to-a-long-random-string-of-48-chars"),
            "FAIL SECRET_KEY is the placeholder of .env.example"),
        Arguments.of(".env.example's INTERNAL_API_TOKEN", (Consumer<Map<String, String>>) env ->
                env.put("INTERNAL_API_TOKEN", "change-me-another-long-random-string"),
            "FAIL INTERNAL_API_TOKEN is the placeholder of .env.example"),
        Arguments.of("a webhook secret left at a placeholder", (Consumer<Map<String, String>>) env ->
                env.put("BLAND_WEBHOOK_SECRET", "change-me"),
            "FAIL BLAND_WEBHOOK_SECRET is the placeholder of .env.example"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenItems")
  void eachBrokenItemIsOneFailLine(String item, Consumer<Map<String, String>> breakIt, String expectedLine) {
    Map<String, String> env = sound();
    breakIt.accept(env);

    Result result = preflight(env);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.failures()).singleElement().satisfies(line -> assertThat(line).startsWith(expectedLine));
    // Temporal unreachable folds its namespace check into its one line
    assertThat(result.lines().get(result.lines().size() - 1)).matches("Preflight failed: 1 of [89] checks");
  }

  @Test
  void aNamespaceARealClusterDoesNotKnowWouldFailButTheTestServerCannotTell() {
    Map<String, String> env = sound();
    env.put("TEMPORAL_NAMESPACE", "inmo-prod");
    // the test server has no namespace registry: "not checkable" is not a failure (a real cluster answers NOT_FOUND)
    assertThat(preflight(env).lines()).contains("OK   Temporal namespace 'inmo-prod' not checkable: this server has "
        + "no namespace registry (the embedded dev/test server, which accepts any namespace)");
  }

  /** A Temporal frontend with a namespace registry, as a real cluster has: only "default" is registered. */
  static final class ClusterWithRegistry extends WorkflowServiceGrpc.WorkflowServiceImplBase {
    @Override
    public void getSystemInfo(GetSystemInfoRequest request, StreamObserver<GetSystemInfoResponse> answer) {
      answer.onNext(GetSystemInfoResponse.newBuilder().setServerVersion("1.31.0").build());
      answer.onCompleted();
    }

    @Override
    public void describeNamespace(DescribeNamespaceRequest request, StreamObserver<DescribeNamespaceResponse> answer) {
      if (request.getNamespace().equals("default")) {
        answer.onNext(DescribeNamespaceResponse.newBuilder().setNamespaceInfo(NamespaceInfo.newBuilder()
            .setName("default").setState(NamespaceState.NAMESPACE_STATE_REGISTERED)).build());
        answer.onCompleted();
      } else {
        answer.onError(Status.NOT_FOUND.withDescription("Namespace " + request.getNamespace() + " is not found.")
            .asRuntimeException());
      }
    }
  }

  @Test
  void onAClusterWithARegistryTheNamespaceIsCheckedAndAMissingOneFails() throws Exception {
    Server cluster = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new ClusterWithRegistry()).build().start();
    try {
      Map<String, String> env = sound();
      env.put("TEMPORAL_ADDRESS", "127.0.0.1:" + cluster.getPort());
      Result registered = preflight(env);
      assertThat(registered.exit()).isZero();
      assertThat(registered.lines()).contains("OK   Temporal 127.0.0.1:" + cluster.getPort() + " answers (server 1.31.0)",
          "OK   Temporal namespace 'default' is registered (registered)");

      env.put("TEMPORAL_NAMESPACE", "inmo-prod");
      Result missing = preflight(env);
      assertThat(missing.exit()).isEqualTo(1);
      assertThat(missing.failures()).containsExactly("FAIL Temporal namespace 'inmo-prod' is not registered at 127.0.0.1:"
          + cluster.getPort() + ": run the namespace job (docker compose up temporal-namespace) or set TEMPORAL_NAMESPACE");
    } finally {
      cluster.shutdownNow();
    }
  }

  @Test
  void theApiJarDispatchesIt() {
    assertThat(ApiCommands.handles(new String[] {"preflight"})).isTrue();
    assertThat(ApiCommands.handles(new String[] {"migrate"})).isTrue();
    assertThat(ApiCommands.handles(new String[] {"register-webhooks"})).isTrue();
    assertThat(ApiCommands.handles(new String[] {"--server.port=8001"})).isFalse();
    assertThat(ApiCommands.handles(new String[0])).isFalse();
  }
}
