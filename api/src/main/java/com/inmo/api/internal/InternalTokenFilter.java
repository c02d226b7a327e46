package com.inmo.api.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards {@code /internal/**}, the endpoints the worker calls: the shared {@code INTERNAL_API_TOKEN}
 * in {@code X-Internal-Token}, compared in constant time. Without a configured token nothing passes.
 */
public class InternalTokenFilter implements WebFilter {

  public static final String HEADER = "X-Internal-Token";
  private final byte[] expected;

  public InternalTokenFilter(String token) {
    this.expected = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!exchange.getRequest().getPath().value().startsWith("/internal/")) {
      return chain.filter(exchange);
    }
    if (!matches(exchange.getRequest().getHeaders().getFirst(HEADER))) {
      exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
      return exchange.getResponse().setComplete();
    }
    return chain.filter(exchange);
  }

  /** Constant-time comparison with the configured token; nothing matches when none is configured. */
  public boolean matches(String given) {
    return expected.length > 0 && given != null
        && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
  }
}
