package com.inmo.api;

import com.inmo.api.command.ApiCommands;
import com.inmo.api.command.CreateSuperadmin;
import com.inmo.api.config.ApiStartupCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The api process: REST for the dashboard, auth, webhooks, live events; owns the database. */
@SpringBootApplication
public class ApiApplication {

  /** The api's settings file is {@code inmo-api.yml}, so it can share a JVM with the worker in dev mode. */
  public static final String CONFIG_NAME = "inmo-api";

  public static void main(String[] args) {
    // a command runs instead of the server (api/COMMANDS.md)
    if (args.length > 0 && CreateSuperadmin.COMMAND.equals(args[0])) {
      System.exit(CreateSuperadmin.run(args));
    }
    if (ApiCommands.handles(args)) {
      System.exit(ApiCommands.run(args));
    }
    List<String> problems = ApiStartupCheck.problems(System.getenv());
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("Configuration error: " + p));
      System.exit(2);
    }
    builder(Map.of()).run(args);
  }

  /** The api with extra properties on top of the environment (the dev launcher passes its embedded servers). */
  public static SpringApplicationBuilder builder(Map<String, Object> properties) {
    Map<String, Object> props = new HashMap<>(properties);
    props.put("spring.config.name", CONFIG_NAME);
    return new SpringApplicationBuilder(ApiApplication.class).properties(props);
  }

}
