package com.inmo.activities.agent.llm;

import java.time.Duration;
import java.util.Map;

/**
 * How to reach one provider: where, with which key and model, and how long to wait. Read from the
 * environment by {@link #fromEnvironment}: {@code <P>_API_KEY}, {@code <P>_BASE_URL}, {@code <P>_MODEL}
 * (see {@link ProviderKind}), {@code LLM_TIMEOUT_SECONDS} (default 30) and {@code LLM_MAX_OUTPUT_TOKENS}
 * (default 1024). The activity's start-to-close timeout must exceed two calls (a turn may repair once).
 */
public record ProviderSettings(ProviderKind kind, String apiKey, String baseUrl, String modelName, Duration timeout,
                               int maxOutputTokens, double temperature) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_OUTPUT_TOKENS = 1024;
  public static final double DEFAULT_TEMPERATURE = 0.3;

  public ProviderSettings {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(kind.keyVariable() + " is required for the " + kind.id() + " provider");
    }
    baseUrl = kind.normalizeBaseUrl(baseUrl);
    modelName = modelName == null || modelName.isBlank() ? kind.defaultModel() : modelName.trim();
    timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
    maxOutputTokens = maxOutputTokens <= 0 ? DEFAULT_MAX_OUTPUT_TOKENS : maxOutputTokens;
  }

  /** Default base URL, model, timeout and output budget for this key. */
  public static ProviderSettings of(ProviderKind kind, String apiKey, String baseUrl) {
    return new ProviderSettings(kind, apiKey, baseUrl, null, null, 0, DEFAULT_TEMPERATURE);
  }

  public ProviderSettings withModel(String model) {
    return new ProviderSettings(kind, apiKey, baseUrl, model, timeout, maxOutputTokens, temperature);
  }

  public ProviderSettings withTimeout(Duration value) {
    return new ProviderSettings(kind, apiKey, baseUrl, modelName, value, maxOutputTokens, temperature);
  }

  /** Whether the environment holds a key for {@code kind}. */
  public static boolean configured(ProviderKind kind, Map<String, String> env) {
    String key = env.get(kind.keyVariable());
    return key != null && !key.isBlank();
  }

  public static ProviderSettings fromEnvironment(ProviderKind kind, Map<String, String> env) {
    return new ProviderSettings(kind, env.get(kind.keyVariable()), env.get(kind.baseUrlVariable()),
        env.get(kind.modelVariable()), Duration.ofSeconds(positive(env, "LLM_TIMEOUT_SECONDS", 30)),
        positive(env, "LLM_MAX_OUTPUT_TOKENS", DEFAULT_MAX_OUTPUT_TOKENS), DEFAULT_TEMPERATURE);
  }

  static int positive(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed <= 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a positive whole number, got '" + value + "'");
    }
  }

  @Override
  public String toString() { // never print the key
    return "ProviderSettings[" + kind.id() + ", " + baseUrl + ", " + modelName + ", timeout " + timeout + "]";
  }
}
