package com.inmo.activities.agent.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt kept as a resource under {@code prompts/} ({@code agent-v1.es.md}: name, version,
 * language). Placeholders are {@code {{name}}}; rendering fills them in one pass, so a value that itself
 * contains {@code {{...}}} is never expanded, and a placeholder left without a value is an error (a
 * half-filled prompt must not reach a model).
 */
public final class PromptTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

  private final String id;
  private final String text;

  private PromptTemplate(String id, String text) {
    this.id = id;
    this.text = text;
  }

  /** Loads {@code prompts/<id>.md} from the classpath, e.g. {@code agent-v1.es}. */
  public static PromptTemplate load(String id) {
    String path = "prompts/" + id + ".md";
    try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("prompt resource " + path + " is missing");
      }
      return new PromptTemplate(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "agent-v1.es": recorded with every call so a change of wording shows in the figures. */
  public String id() {
    return id;
  }

  public Set<String> placeholders() {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  public String render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("prompt " + id + " needs a value for {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().strip();
  }
}
