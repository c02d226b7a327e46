package com.inmo.activities.agent.llm;

import java.util.Locale;
import java.util.Optional;

/**
 * The three LLM providers, with the environment variables that configure each and their defaults. The
 * order of the constants is the failover order after {@code LLM_PROVIDER}: gemini, claude, openai.
 *
 * <p>Base URLs follow each vendor's own SDK convention, so a value copied from their docs works:
 * {@code OPENAI_BASE_URL} includes {@code /v1} ("https://api.openai.com/v1"), {@code ANTHROPIC_BASE_URL}
 * may omit it ("https://api.anthropic.com"; {@code /v1} is appended when missing), and
 * {@code GEMINI_BASE_URL} may omit the API version ({@code /v1beta} is appended when no version is given).
 */
public enum ProviderKind {

  GEMINI("gemini", "GEMINI_API_KEY", "GEMINI_BASE_URL", "GEMINI_MODEL",
      "https://generativelanguage.googleapis.com/v1beta", "gemini-2.5-flash"),
  CLAUDE("claude", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "ANTHROPIC_MODEL",
      "https://api.anthropic.com/v1", "claude-haiku-4-5"),
  OPENAI("openai", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL",
      "https://api.openai.com/v1", "gpt-4.1-mini");

  private final String id;
  private final String keyVariable;
  private final String baseUrlVariable;
  private final String modelVariable;
  private final String defaultBaseUrl;
  private final String defaultModel;

  ProviderKind(String id, String keyVariable, String baseUrlVariable, String modelVariable, String defaultBaseUrl,
               String defaultModel) {
    this.id = id;
    this.keyVariable = keyVariable;
    this.baseUrlVariable = baseUrlVariable;
    this.modelVariable = modelVariable;
    this.defaultBaseUrl = defaultBaseUrl;
    this.defaultModel = defaultModel;
  }

  /** The value of {@code LLM_PROVIDER} that picks this provider. */
  public String id() {
    return id;
  }

  public String keyVariable() {
    return keyVariable;
  }

  public String baseUrlVariable() {
    return baseUrlVariable;
  }

  public String modelVariable() {
    return modelVariable;
  }

  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  public String defaultModel() {
    return defaultModel;
  }

  public static Optional<ProviderKind> byId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (ProviderKind kind : values()) {
      if (kind.id.equals(wanted)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The base URL the langchain4j client wants, from a value written in the vendor's SDK convention. */
  String normalizeBaseUrl(String configured) {
    if (configured == null || configured.isBlank()) {
      return defaultBaseUrl;
    }
    String url = configured.trim().replaceAll("/+$", "");
    switch (this) {
      case CLAUDE:
        return url.matches(".*/v\\d+$") ? url : url + "/v1";
      case GEMINI:
        return url.matches(".*/v\\d+(alpha|beta)?\\d*$") ? url : url + "/v1beta";
      default:
        return url;
    }
  }
}
