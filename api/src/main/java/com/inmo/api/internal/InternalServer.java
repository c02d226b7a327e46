package com.inmo.api.internal;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.stereotype.Component;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The worker's port ({@code INTERNAL_PORT}, default 8001): a second Netty server running the api's own
 * {@link HttpHandler}, so {@code /internal/**} gets the same filters (the shared token among them) while the public
 * port, which compose publishes and a TLS proxy forwards, refuses it ({@link InternalTokenFilter}). Compose never
 * publishes this one: only the worker reaches it, over the stack's network. Its bound port is published as
 * {@code local.internal.port} (0 picks a free one: tests, dev mode picks its own and tells the worker).
 */
@Component
public class InternalServer implements SmartLifecycle {

  public static final String LOCAL_PORT_PROPERTY = "local.internal.port";
  private static final Logger log = LoggerFactory.getLogger(InternalServer.class);

  private final ObjectProvider<HttpHandler> handler;
  private final ObjectProvider<ReactorResourceFactory> resources;
  private final ConfigurableEnvironment environment;
  private final int configuredPort;
  private final String address;
  private volatile DisposableServer server;

  public InternalServer(ObjectProvider<HttpHandler> handler, ObjectProvider<ReactorResourceFactory> resources,
                        ConfigurableEnvironment environment,
                        @Value("${inmo.internal-port:8001}") int configuredPort,
                        @Value("${server.address:}") String address) {
    this.handler = handler;
    this.resources = resources;
    this.environment = environment;
    this.configuredPort = configuredPort;
    this.address = address;
  }

  /** The port it listens on; -1 before it started. */
  public int port() {
    DisposableServer current = server;
    return current == null ? -1 : current.port();
  }

  @Override
  public void start() {
    // every interface, as the public port (server.address narrows both): the worker connects from its own container
    HttpServer http = HttpServer.create().host(address == null || address.isBlank() ? "0.0.0.0" : address)
        .port(configuredPort);
    // the event loops the public server runs on (this context's), not Reactor's global ones another context may end
    ReactorResourceFactory loops = resources.getIfAvailable();
    if (loops != null) {
      http = http.runOn(loops.getLoopResources());
    }
    server = http.handle(new ReactorHttpHandlerAdapter(handler.getObject())).bindNow();
    environment.getPropertySources().addFirst(new MapPropertySource("inmoInternalServer",
        Map.of(LOCAL_PORT_PROPERTY, server.port())));
    log.info("Internal endpoints (/internal/**, the worker's) on port {}", server.port());
  }

  @Override
  public void stop() {
    DisposableServer current = server;
    server = null;
    if (current != null) {
      current.disposeNow();
    }
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  /** With the public web server: up once the application is, down with it. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 2048;
  }
}
