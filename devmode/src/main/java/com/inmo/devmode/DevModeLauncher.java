package com.inmo.devmode;

import com.inmo.api.ApiApplication;
import com.inmo.api.seed.DemoSeeder;
import com.inmo.worker.WorkerApplication;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's first command: the whole system in one JVM with embedded defaults. Every server the
 * environment does not name ({@code DATABASE_URL}, {@code REDIS_URL}, {@code TEMPORAL_ADDRESS}) is
 * started here, clean; then the api and the worker run against them exactly as they would in production.
 * Ctrl-C stops everything it started, in reverse order.
 */
public final class DevModeLauncher {

  private final Map<String, String> env;
  private final Deque<Runnable> stops = new ArrayDeque<>();

  private DevModeLauncher(Map<String, String> env) {
    this.env = env;
  }

  public static void main(String[] args) {
    preloadShutdownClasses();
    DevModeLauncher launcher = new DevModeLauncher(System.getenv());
    Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "inmo-dev-shutdown"));
    try {
      launcher.start();
    } catch (RuntimeException e) {
      System.err.println();
      System.err.println("Inmo dev mode could not start: " + rootMessage(e));
      System.exit(1);
    }
  }

  private void start() {
    if ("production".equalsIgnoreCase(env.getOrDefault("ENVIRONMENT", "").trim())) {
      throw new IllegalStateException("dev mode seeds a demo login and embeds its servers; "
          + "with ENVIRONMENT=production run the api and the worker (see README, Production)");
    }
    int apiPort = Integer.parseInt(env.getOrDefault("PORT", "8000"));
    EmbeddedServers.requireFree(apiPort, "PORT");
    // the worker's port (/internal/**): INTERNAL_PORT, else a free one, which the in-JVM worker is told
    int internalPort = env.containsKey("INTERNAL_PORT") ? Integer.parseInt(env.get("INTERNAL_PORT"))
        : EmbeddedServers.freePort();
    EmbeddedServers.requireFree(internalPort, "INTERNAL_PORT");

    CompletableFuture<String> database = embedIfUnset("DATABASE_URL", EmbeddedServers::postgres);
    CompletableFuture<String> redis = embedIfUnset("REDIS_URL", EmbeddedServers::redis);
    int temporalPort = Integer.parseInt(env.getOrDefault("INMO_DEV_TEMPORAL_PORT", "7233"));
    CompletableFuture<String> temporal = embedIfUnset("TEMPORAL_ADDRESS", () -> EmbeddedServers.temporal(temporalPort));

    String internalToken = env.getOrDefault("INTERNAL_API_TOKEN", randomToken());
    Map<String, Object> shared = new HashMap<>();
    shared.put("DATABASE_URL", database.join());
    shared.put("REDIS_URL", redis.join());
    shared.put("TEMPORAL_ADDRESS", temporal.join());
    shared.put("INTERNAL_API_TOKEN", internalToken);
    shared.put("INMO_SEED_DEMO", "true");
    shared.put("INTERNAL_PORT", Integer.toString(internalPort));
    shared.put("INMO_API_URL", "http://127.0.0.1:" + internalPort);
    shared.put("INMO_TEMPORAL_DEV_SERVER", Boolean.toString(!env.containsKey("TEMPORAL_ADDRESS")));
    shared.put("PORT", Integer.toString(apiPort));
    // One shutdown hook (ours) stops everything in order; Spring's own would race it.
    shared.put("logging.register-shutdown-hook", "false");

    // The two contexts refresh side by side (they share nothing but the servers above); the worker
    // starts once the api has set up logging, which logback cannot do twice at the same instant.
    CountDownLatch apiLoggingReady = new CountDownLatch(1);
    CompletableFuture<ConfigurableApplicationContext> api = CompletableFuture.supplyAsync(() ->
        ApiApplication.builder(shared)
            .registerShutdownHook(false)
            .listeners((ApplicationListener<ApplicationPreparedEvent>) e -> apiLoggingReady.countDown())
            .run());
    awaitQuietly(apiLoggingReady);
    CompletableFuture<ConfigurableApplicationContext> worker =
        CompletableFuture.supplyAsync(() -> WorkerApplication.builder(shared).registerShutdownHook(false).run());
    ConfigurableApplicationContext apiContext = api.join();
    stops.push(apiContext::close);
    ConfigurableApplicationContext workerContext = worker.join();
    stops.push(workerContext::close);

    awaitHealthy(apiPort);
    long coldStartMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    printWelcome(apiPort, shared, coldStartMs);
  }

  private CompletableFuture<String> embedIfUnset(String variable, Supplier<EmbeddedServers.Running> starter) {
    String given = env.get(variable);
    if (given != null && !given.isBlank()) {
      return CompletableFuture.completedFuture(given);
    }
    return CompletableFuture.supplyAsync(() -> {
      EmbeddedServers.Running running = starter.get();
      synchronized (stops) {
        stops.push(running::stop);
      }
      return running.address();
    });
  }

  private static void awaitHealthy(int port) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = response.body();
      } catch (Exception e) {
        last = e.toString();
      }
      sleep(100);
    }
    throw new IllegalStateException("the api did not become healthy: " + last);
  }

  /**
   * One print call for the whole banner: PrintStream locks per call, so a log line from another thread cannot
   * land inside it (printf's pieces would each be a call of their own), and tests wait for its whole lines.
   */
  private void printWelcome(int port, Map<String, Object> shared, long coldStartMs) {
    String line = "-".repeat(72);
    String banner = String.format(java.util.Locale.ROOT, String.join("%n",
            "", line,
            "  Inmo is up (cold start to healthy: %.1f s)",
            "  API and dashboard  http://localhost:%d   (health: /health)",
            "  Log in             %s / %s   (agent: %s)",
            "  Demo broker        %s",
            "  Temporal           %s   (namespace %s)",
            "  PostgreSQL         %s",
            "  Redis              %s",
            "  Ctrl-C stops everything.", line, "", ""),
        coldStartMs / 1000.0, port, DemoSeeder.ADMIN_EMAIL, DemoSeeder.PASSWORD, DemoSeeder.AGENT_EMAIL,
        DemoSeeder.BROKER_SLUG, shared.get("TEMPORAL_ADDRESS"), env.getOrDefault("TEMPORAL_NAMESPACE", "default"),
        com.inmo.api.config.DatabaseUrl.parse((String) shared.get("DATABASE_URL")).describe(), shared.get("REDIS_URL"));
    System.out.print(banner);
    System.out.flush();
  }

  private void stopAll() {
    synchronized (stops) {
      while (!stops.isEmpty()) {
        try {
          stops.pop().run();
        } catch (Throwable e) { // an Error here must not leave a server running
          System.err.println("While stopping: " + e);
        }
      }
    }
  }

  /**
   * Shutdown hooks run while the fat jar's class loader may already be closing: classes first needed
   * then (logging an exception) fail to load. Load them now.
   */
  private static void preloadShutdownClasses() {
    for (String name : new String[] {"ch.qos.logback.classic.spi.ThrowableProxy",
        "ch.qos.logback.classic.spi.ThrowableProxyUtil", "ch.qos.logback.classic.spi.StackTraceElementProxy",
        "ch.qos.logback.core.CoreConstants"}) {
      try {
        Class.forName(name);
      } catch (ClassNotFoundException ignored) {
        // not on this classpath: nothing to preload
      }
    }
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t
        && (t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
