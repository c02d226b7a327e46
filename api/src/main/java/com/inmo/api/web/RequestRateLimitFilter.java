package com.inmo.api.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Production's request budget: {@code inmo.rate-limit.per-minute} requests a minute per client (a token
 * bucket in Redis), then 429 with {@code Retry-After}. The client is the signed-in user when the request
 * carries a valid bearer token (so an office behind one address is not one client), else its address.
 *
 * <p>Not counted: {@code /health} (probes), {@code /internal/**} (the worker, with its shared token, makes
 * many calls a minute for every lead) and {@code /webhooks/**} (Telegram and the voice providers send from a
 * few addresses on behalf of every lead; they are authenticated by their secrets and retry on failure).
 * Dev mode installs no such filter.
 */
public class RequestRateLimitFilter implements WebFilter {

  private static final String BEARER = "Bearer ";

  private final RateLimiter limiter;
  private final ClientAddress addresses;
  private final ReactiveJwtDecoder jwt;
  private final int perMinute;

  public RequestRateLimitFilter(RateLimiter limiter, ClientAddress addresses, ReactiveJwtDecoder jwt, int perMinute) {
    this.limiter = limiter;
    this.addresses = addresses;
    this.jwt = jwt;
    this.perMinute = perMinute;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exempt(exchange.getRequest().getPath().value()) || perMinute <= 0) {
      return chain.filter(exchange);
    }
    return client(exchange)
        .flatMap(client -> limiter.acquire(perMinute, Duration.ofMinutes(1), "req:" + client))
        .flatMap(decision -> {
          if (decision.allowed()) {
            if (decision.remaining() >= 0) {
              exchange.getResponse().getHeaders().set("X-RateLimit-Limit", Integer.toString(perMinute));
              exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
            }
            return chain.filter(exchange);
          }
          exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
          return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "More than " + perMinute
              + " requests a minute; retry after " + decision.retryAfterSeconds() + " s");
        });
  }

  static boolean exempt(String path) {
    return path.equals("/health") || path.startsWith("/internal/") || path.startsWith("/webhooks/");
  }

  /** "user:<id>" for a valid bearer token (verified: a forged one must not pick its bucket), else "ip:<addr>". */
  private Mono<String> client(ServerWebExchange exchange) {
    String ip = "ip:" + addresses.of(exchange.getRequest());
    String auth = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (auth == null || !auth.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Mono.just(ip);
    }
    return jwt.decode(auth.substring(BEARER.length()).trim())
        .map(token -> token.getSubject() == null ? ip : "user:" + token.getSubject())
        .onErrorReturn(ip)
        .defaultIfEmpty(ip);
  }
}
