package com.inmo.worker.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The worker has no web server; Prometheus scrapes it here: {@code GET /metrics} on {@code INMO_METRICS_PORT}
 * (default 9464), the JVM's, the process's and the Temporal SDK's metrics (the Temporal starter reports the
 * SDK's into the same registry). A negative port turns it off; a port that is taken is logged and the
 * worker runs on without metrics (dev mode runs the api and the worker in one JVM; replicas each have their
 * own container, so compose never collides).
 */
@Component
public class WorkerMetricsServer implements SmartLifecycle {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger log = LoggerFactory.getLogger(WorkerMetricsServer.class);

  private final ObjectProvider<PrometheusMeterRegistry> registry;
  private final int configuredPort;
  private final String bindAddress;
  private volatile HttpServer server;
  private volatile ExecutorService executor;

  public WorkerMetricsServer(ObjectProvider<PrometheusMeterRegistry> registry,
                             @Value("${inmo.metrics.port:9464}") int port,
                             @Value("${inmo.metrics.address:0.0.0.0}") String bindAddress) {
    this.registry = registry;
    this.configuredPort = port;
    this.bindAddress = bindAddress;
  }

  @Override
  public void start() {
    PrometheusMeterRegistry prometheus = registry.getIfAvailable();
    if (configuredPort < 0 || prometheus == null) {
      log.info("Worker metrics endpoint off ({})", prometheus == null ? "no Prometheus registry" : "INMO_METRICS_PORT < 0");
      return;
    }
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(bindAddress, configuredPort), 0);
      http.createContext("/metrics", exchange -> scrape(exchange, prometheus));
      http.createContext("/", WorkerMetricsServer::notFound);
      executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "worker-metrics");
        t.setDaemon(true);
        return t;
      });
      http.setExecutor(executor);
      http.start();
      server = http;
      log.info("Worker metrics at http://{}:{}/metrics", bindAddress, http.getAddress().getPort());
    } catch (IOException e) {
      log.warn("Worker metrics endpoint not started on {}:{}: {} (the worker runs on without it)", bindAddress,
          configuredPort, e.getMessage());
      if (executor != null) {
        executor.shutdownNow();
      }
    }
  }

  private static void scrape(HttpExchange exchange, PrometheusMeterRegistry prometheus) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = prometheus.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.sendResponseHeaders(404, -1);
    }
  }

  /** The port it listens on (the configured one, or the one picked for port 0); -1 when not listening. */
  public int port() {
    HttpServer current = server;
    return current == null ? -1 : current.getAddress().getPort();
  }

  @Override
  public void stop() {
    HttpServer current = server;
    server = null;
    if (current != null) {
      current.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }
}
