package com.inmo.devmode.compose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The production stack's files as the compose tests read them: docker-compose.yml, the Dockerfiles, the
 * application's yml files and .env.example, found from {@code inmo.repo.root} (default "..", the
 * repository root seen from the devmode module, where Surefire runs).
 */
final class ComposeProject {

  /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?error}}; not {@code $${...}}. */
  private static final Pattern COMPOSE_VARIABLE =
      Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
  /** Spring's {@code ${NAME}} and {@code ${NAME:default}} in the application's yml. */
  private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
  private static final Pattern ENV_LINE = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

  private ComposeProject() {
  }

  static Path root() {
    Path root = Path.of(System.getProperty("inmo.repo.root", "..")).toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(root.resolve("docker-compose.yml")),
        "no docker-compose.yml in " + root + " (set -Dinmo.repo.root to the repository root)");
    return root;
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(file(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object yaml(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> compose() {
    return (Map<String, Object>) yaml(read("docker-compose.yml"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> services() {
    return (Map<String, Object>) compose().get("services");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> service(String name) {
    Object service = services().get(name);
    assertTrue(service instanceof Map, "docker-compose.yml has no service " + name);
    return (Map<String, Object>) service;
  }

  /** A service's {@code environment:}, in either of compose's forms (map, or list of NAME=value). */
  static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object raw = service.get("environment");
    if (raw instanceof Map<?, ?> map) {
      map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (raw instanceof List<?> list) {
      for (Object item : list) {
        String s = String.valueOf(item);
        int eq = s.indexOf('=');
        env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
      }
    }
    return env;
  }

  /** The env files a service loads ({@code env_file:}, a string or a list). */
  static List<String> envFiles(Map<String, Object> service) {
    Object raw = service.get("env_file");
    List<String> files = new ArrayList<>();
    if (raw instanceof String s) {
      files.add(s);
    } else if (raw instanceof List<?> list) {
      for (Object item : list) {
        files.add(item instanceof Map<?, ?> m ? String.valueOf(m.get("path")) : String.valueOf(item));
      }
    }
    return files;
  }

  /** .env.example's variables and their example values, in file order. */
  static Map<String, String> envExample() {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : read(".env.example").split("\n")) {
      Matcher m = ENV_LINE.matcher(line);
      if (m.matches() && !line.trim().startsWith("#")) {
        vars.put(m.group(1), m.group(2).trim());
      }
    }
    return vars;
  }

  record Placeholder(String name, String defaultValue) {
  }

  /** The {@code ${NAME[:default]}} placeholders of an application yml; defaultValue is null without one. */
  static List<Placeholder> springPlaceholders(String relative) {
    List<Placeholder> found = new ArrayList<>();
    for (String line : read(relative).split("\n")) {
      String code = line.trim().startsWith("#") ? "" : line;
      Matcher m = SPRING_PLACEHOLDER.matcher(code);
      while (m.find()) {
        found.add(new Placeholder(m.group(1), m.group(2)));
      }
    }
    return found;
  }

  record Interpolation(String name, String operator, String argument) {
    boolean hasDefault() {
      return operator != null && operator.endsWith("-");
    }

    boolean required() {
      return operator != null && operator.endsWith("?");
    }
  }

  /** Every {@code ${...}} compose interpolates in a text (comments excluded). */
  static List<Interpolation> interpolations(String text) {
    List<Interpolation> found = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.trim().startsWith("#")) {
        continue;
      }
      Matcher m = COMPOSE_VARIABLE.matcher(line);
      while (m.find()) {
        found.add(new Interpolation(m.group(1), m.group(2), m.group(3)));
      }
    }
    return found;
  }

  /** A value with every interpolation replaced by its default ("" without one): what an empty .env gives. */
  static String withDefaults(String value) {
    Matcher m = COMPOSE_VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Interpolation i = new Interpolation(m.group(1), m.group(2), m.group(3));
      m.appendReplacement(out, Matcher.quoteReplacement(i.hasDefault() ? i.argument() : ""));
    }
    m.appendTail(out);
    return out.toString();
  }

  record PortMapping(String hostIp, String published, String target) {
  }

  /** A service's published ports, short ("[ip:]host:container[/proto]") or long syntax. */
  static List<PortMapping> ports(Map<String, Object> service) {
    List<PortMapping> mappings = new ArrayList<>();
    Object raw = service.get("ports");
    if (!(raw instanceof List<?> list)) {
      return mappings;
    }
    for (Object item : list) {
      if (item instanceof Map<?, ?> m) {
        mappings.add(new PortMapping(m.get("host_ip") == null ? "" : String.valueOf(m.get("host_ip")),
            withDefaults(String.valueOf(m.get("published"))), String.valueOf(m.get("target"))));
        continue;
      }
      String spec = withDefaults(String.valueOf(item)).replaceAll("/(tcp|udp)$", "");
      String[] parts = spec.split(":");
      switch (parts.length) {
        case 1 -> mappings.add(new PortMapping("", "", parts[0]));
        case 2 -> mappings.add(new PortMapping("", parts[0], parts[1]));
        default -> mappings.add(new PortMapping(parts[0], parts[1], parts[2]));
      }
    }
    return mappings;
  }

  /** {@code depends_on} as service → condition ("" in the short list form, which has none). */
  static Map<String, String> dependsOn(Map<String, Object> service) {
    Map<String, String> deps = new LinkedHashMap<>();
    Object raw = service.get("depends_on");
    if (raw instanceof List<?> list) {
      list.forEach(d -> deps.put(String.valueOf(d), ""));
    } else if (raw instanceof Map<?, ?> map) {
      map.forEach((name, spec) -> deps.put(String.valueOf(name),
          spec instanceof Map<?, ?> m && m.get("condition") != null ? String.valueOf(m.get("condition")) : ""));
    }
    return deps;
  }

  /** Services some other service waits for with {@code service_completed_successfully}: the one-shot jobs. */
  static Set<String> oneShotJobs() {
    Set<String> jobs = new LinkedHashSet<>();
    services().forEach((name, spec) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> service = (Map<String, Object>) spec;
      dependsOn(service).forEach((dep, condition) -> {
        if ("service_completed_successfully".equals(condition)) {
          jobs.add(dep);
        }
      });
    });
    return jobs;
  }

  /** The concatenated main Java sources of the given modules (for the env-variable heuristics). */
  static String mainJavaSources(String... modules) {
    StringBuilder all = new StringBuilder();
    for (String module : modules) {
      Path dir = file(module + "/src/main/java");
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all.toString();
  }

  record Result(int exitCode, String output) {
  }

  /** Runs a command in workDir; output is stdout and stderr together. */
  static Result run(List<String> command, Map<String, String> extraEnv, Path workDir) {
    return run(command, extraEnv, Set.of(), workDir);
  }

  /** Runs a command in workDir without the variables named in unset; output is stdout and stderr together. */
  static Result run(List<String> command, Map<String, String> extraEnv, Set<String> unset, Path workDir) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeAll(unset);
    pb.environment().putAll(extraEnv);
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Whether an executable of that name is on the PATH. */
  static boolean onPath(String executable) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
        return true;
      }
    }
    return false;
  }
}
