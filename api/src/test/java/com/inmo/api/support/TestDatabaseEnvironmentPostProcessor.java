package com.inmo.api.support;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In the api's tests, a context that names no {@code DATABASE_URL} gets this JVM's own database,
 * given exactly as an operator would: through {@code DATABASE_URL}, so the real parsing path runs.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  /** Rate-limit buckets of this JVM's own, so test runs sharing the machine's Redis never spend each other's. */
  static final String RATE_LIMIT_PREFIX = "inmo-test:" + java.util.UUID.randomUUID() + ":rate:";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.containsProperty("DATABASE_URL")) {
      environment.getPropertySources().addLast(
          new MapPropertySource("inmoTestDatabase", Map.of("DATABASE_URL", TestDatabase.url())));
    }
    if (!environment.containsProperty("INTERNAL_PORT")) {
      // many contexts live side by side in a test JVM, and other runs share the machine: a free port each
      environment.getPropertySources().addLast(new MapPropertySource("inmoTestInternalPort", Map.of("INTERNAL_PORT", "0")));
    }
    if (!environment.containsProperty("inmo.rate-limit.key-prefix")) {
      environment.getPropertySources().addLast(
          new MapPropertySource("inmoTestRateLimits", Map.of("inmo.rate-limit.key-prefix", RATE_LIMIT_PREFIX)));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
