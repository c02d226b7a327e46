package com.inmo.worker;

import com.inmo.activities.api.InternalApiClient;
import com.inmo.worker.config.WorkerStartupCheck;
import com.inmo.worker.replay.ReplayCommand;
import com.inmo.worker.schema.SchemaCompatibility;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The worker process: runs the lead workflows and their activities; scale it out freely. */
@SpringBootApplication
public class WorkerApplication {

  /** The worker's settings file is {@code inmo-worker.yml}, so it can share a JVM with the api in dev mode. */
  public static final String CONFIG_NAME = "inmo-worker";

  public static void main(String[] args) {
    // a command runs instead of the worker (api/COMMANDS.md)
    if (args.length > 0 && ReplayCommand.COMMAND.equals(args[0])) {
      System.exit(ReplayCommand.run(args));
    }
    List<String> problems = WorkerStartupCheck.problems(System.getenv());
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("Configuration error: " + p));
      System.exit(2);
    }
    String apiUrl = System.getenv().getOrDefault("INMO_API_URL", InternalApiClient.DEFAULT_BASE_URL);
    new SchemaCompatibility(apiUrl, System.getenv("INTERNAL_API_TOKEN")).require(Duration.ofMinutes(2));
    builder(Map.of()).run(args);
  }

  /** The worker with extra properties on top of the environment (the dev launcher passes its embedded servers). */
  public static SpringApplicationBuilder builder(Map<String, Object> properties) {
    Map<String, Object> props = new HashMap<>(properties);
    props.put("spring.config.name", CONFIG_NAME);
    return new SpringApplicationBuilder(WorkerApplication.class).properties(props);
  }

}
