package com.inmo.worker.replay;

import com.inmo.worker.WorkerApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The workflow implementations this build's worker registers, read from {@code inmo-worker.yml}
 * ({@code spring.temporal.workers[*].workflow-classes}): the replay checks exactly what the worker would run.
 */
public final class WorkerWorkflows {

  private WorkerWorkflows() {
  }

  public static List<Class<?>> classes() {
    Set<String> names = new LinkedHashSet<>();
    try (InputStream in = WorkerWorkflows.class.getResourceAsStream("/" + WorkerApplication.CONFIG_NAME + ".yml")) {
      if (in == null) {
        throw new IllegalStateException(WorkerApplication.CONFIG_NAME + ".yml is not on the classpath");
      }
      Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      Object workers = path(root, "spring", "temporal", "workers");
      if (workers instanceof List<?> list) {
        for (Object worker : list) {
          if (worker instanceof Map<?, ?> map && map.get("workflow-classes") instanceof List<?> classes) {
            classes.forEach(c -> names.add(String.valueOf(c).trim()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (names.isEmpty()) {
      throw new IllegalStateException(WorkerApplication.CONFIG_NAME + ".yml registers no workflow classes");
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      try {
        classes.add(Class.forName(name));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(WorkerApplication.CONFIG_NAME + ".yml names " + name + ", which is not in this build", e);
      }
    }
    return List.copyOf(classes);
  }

  private static Object path(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }
}
