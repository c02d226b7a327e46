package com.inmo.api.internal;

import java.net.InetSocketAddress;
import java.util.function.IntSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards {@code /internal/**}, the endpoints the worker calls. They answer only on the internal port
 * ({@link InternalServer}): on any other, 404 as for an unknown path. And even there the shared
 * {@code INTERNAL_API_TOKEN} in {@code X-Internal-Token} is required (defence in depth should the port ever be
 * exposed). The worker reaches the rest of the api on that port too (the simulated voice webhook).
 */
public class InternalTokenFilter implements WebFilter {

  public static final String HEADER = "X-Internal-Token";
  private final InternalToken token;
  private final IntSupplier internalPort;

  public InternalTokenFilter(InternalToken token, IntSupplier internalPort) {
    this.token = token;
    this.internalPort = internalPort;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    if (!path.equals("/internal") && !path.startsWith("/internal/")) {
      return chain.filter(exchange);
    }
    if (!onInternalPort(exchange)) {
      exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
      return exchange.getResponse().setComplete();
    }
    if (!token.matches(exchange.getRequest().getHeaders().getFirst(HEADER))) {
      exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
      return exchange.getResponse().setComplete();
    }
    return chain.filter(exchange);
  }

  private boolean onInternalPort(ServerWebExchange exchange) {
    InetSocketAddress local = exchange.getRequest().getLocalAddress();
    int port = internalPort.getAsInt();
    return local != null && port > 0 && local.getPort() == port;
  }
}
