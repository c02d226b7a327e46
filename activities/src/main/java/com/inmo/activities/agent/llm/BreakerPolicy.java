package com.inmo.activities.agent.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;

/**
 * The circuit breaker every LLM provider gets (Resilience4j): calls are counted over a sliding TIME
 * window of {@code window} (30 s); once at least {@code failures} (5) calls fell in it and at least half
 * of them failed, the breaker opens and the provider is skipped without being called for {@code openFor}
 * (30 s). After that one probe call is let through: success closes it, failure opens it again. So five
 * failures within 30 s open it, unless as many calls succeeded in the same window (a provider that mostly
 * works is kept). Failures are exceptions from the provider (HTTP 429/5xx, timeouts, auth); a malformed
 * answer is not a failure of the provider here (it is repaired or falls back inside the turn).
 */
public record BreakerPolicy(int failures, Duration window, Duration openFor, Clock clock) {

  public static final BreakerPolicy DEFAULT =
      new BreakerPolicy(5, Duration.ofSeconds(30), Duration.ofSeconds(30), Clock.systemUTC());

  public BreakerPolicy {
    if (failures < 1 || window.toSeconds() < 1 || openFor.isNegative() || openFor.isZero()) {
      throw new IllegalArgumentException("invalid breaker policy");
    }
  }

  public CircuitBreaker create(String name) {
    CircuitBreakerConfig config = CircuitBreakerConfig.custom()
        .slidingWindow((int) window.toSeconds(), failures, SlidingWindowType.TIME_BASED)
        .failureRateThreshold(50)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .clock(clock)
        .build();
    return CircuitBreaker.of(name, config);
  }
}
