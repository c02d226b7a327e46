package com.inmo.activities.agent.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GeminiThinkingConfig;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the langchain4j client for a provider. Internal retries are OFF ({@code maxRetries(0)}): the
 * activity is retried by Temporal with its own backoff, and failover to the next provider is ours; a
 * retry inside the client would only hide a failing provider from the circuit breaker and add latency.
 */
public final class ChatModels {

  private ChatModels() {
  }

  public static ChatModel build(ProviderSettings s) {
    switch (s.kind()) {
      case OPENAI:
        return OpenAiChatModel.builder()
            .baseUrl(s.baseUrl())
            .apiKey(s.apiKey())
            .modelName(s.modelName())
            .timeout(s.timeout())
            .maxRetries(0)
            // reasoning models (o-series, gpt-5) reject any temperature but the default
            .temperature(openAiReasoningModel(s.modelName()) ? null : s.temperature())
            .maxCompletionTokens(s.maxOutputTokens())
            .build();
      case CLAUDE:
        return AnthropicChatModel.builder()
            .baseUrl(s.baseUrl())
            .apiKey(s.apiKey())
            .modelName(s.modelName())
            .timeout(s.timeout())
            .maxRetries(0)
            .temperature(s.temperature())
            .maxTokens(s.maxOutputTokens())
            .build();
      case GEMINI:
        return GoogleAiGeminiChatModel.builder()
            .baseUrl(s.baseUrl())
            .apiKey(s.apiKey())
            .modelName(s.modelName())
            .timeout(s.timeout())
            .maxRetries(0)
            .temperature(s.temperature())
            .maxOutputTokens(s.maxOutputTokens())
            // Flash models think by default and the thoughts eat the output budget: a short JSON turn
            // needs none (Pro models cannot turn thinking off and keep their default).
            .thinkingConfig(s.modelName().contains("flash")
                ? GeminiThinkingConfig.builder().thinkingBudget(0).build() : null)
            .build();
      default:
        throw new IllegalArgumentException("unknown provider " + s.kind());
    }
  }

  static boolean openAiReasoningModel(String model) {
    return model.matches("^(o\\d.*|gpt-5.*)");
  }

  /**
   * How the provider is asked for structured output: OpenAI and Gemini take a JSON schema as the response
   * format ({@code response_format.json_schema}, {@code generationConfig.responseSchema}); Claude gets the
   * schema as a tool it must call ({@code tool_choice: any}), the long-standing way on every Claude model.
   */
  public static StructuredOutput.Mode outputMode(ProviderKind kind) {
    return kind == ProviderKind.CLAUDE ? StructuredOutput.Mode.TOOL : StructuredOutput.Mode.RESPONSE_FORMAT;
  }
}
