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

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.containsProperty("DATABASE_URL")) {
      environment.getPropertySources().addLast(
          new MapPropertySource("inmoTestDatabase", Map.of("DATABASE_URL", TestDatabase.url())));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
