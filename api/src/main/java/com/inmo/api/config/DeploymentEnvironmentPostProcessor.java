package com.inmo.api.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the deployment guide's variables into Spring's properties, so the rest of the api reads
 * ordinary {@code spring.*} settings. {@code DATABASE_URL} becomes both the R2DBC and the Flyway (JDBC)
 * connection; the other variables map one to one in {@code inmo-api.yml}.
 */
public class DeploymentEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE_NAME = "inmoDeploymentVariables";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String raw = environment.getProperty("DATABASE_URL");
    if (raw == null || raw.isBlank()) {
      return;
    }
    DatabaseUrl url = DatabaseUrl.parse(raw);
    Map<String, Object> props = new HashMap<>();
    props.put("spring.r2dbc.url", url.r2dbcUrl());
    props.put("spring.r2dbc.username", url.username());
    props.put("spring.r2dbc.password", url.password());
    props.put("spring.flyway.url", url.jdbcUrl());
    props.put("spring.flyway.user", url.username());
    props.put("spring.flyway.password", url.password());
    props.put("inmo.database.description", url.describe());
    // First: DATABASE_URL is the single source of truth when it is set.
    environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
  }

  /** After config files are loaded, so {@code DATABASE_URL} may come from any property source. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
