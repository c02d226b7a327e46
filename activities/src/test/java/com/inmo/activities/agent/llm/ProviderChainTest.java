package com.inmo.activities.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.activities.agent.ConversationalAgent;
import com.inmo.workflows.agent.Intent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderChainTest {

  @Test
  void llmProviderComesFirstThenEveryOtherKeyInTheOrderGeminiClaudeOpenai() {
    Map<String, String> all = Map.of("GEMINI_API_KEY", "g", "ANTHROPIC_API_KEY", "a", "OPENAI_API_KEY", "o");

    assertThat(ProviderChain.order(with(all, "openai"))).containsExactly("openai", "gemini", "claude");
    assertThat(ProviderChain.order(with(all, "claude"))).containsExactly("claude", "gemini", "openai");
    assertThat(ProviderChain.order(with(all, "GEMINI"))).containsExactly("gemini", "claude", "openai");
    assertThat(ProviderChain.order(Map.of("LLM_PROVIDER", "claude", "ANTHROPIC_API_KEY", "a", "OPENAI_API_KEY", " ")))
        .containsExactly("claude");
  }

  @Test
  void offlineIsAloneAndIsTheDefault() {
    Map<String, String> keys = Map.of("GEMINI_API_KEY", "g", "OPENAI_API_KEY", "o");

    assertThat(ProviderChain.order(with(keys, "offline"))).containsExactly("offline");
    assertThat(ProviderChain.order(keys)).containsExactly("offline");
    assertThat(ProviderChain.order(with(Map.of("GEMINI_API_KEY", "g"), "gemini"))).doesNotContain("offline");
  }

  @Test
  void aMisconfigurationStopsTheStart() {
    assertThatThrownBy(() -> ProviderChain.order(Map.of("LLM_PROVIDER", "gpt5")))
        .hasMessage("LLM_PROVIDER must be one of [claude, gemini, offline, openai], got 'gpt5'");
    assertThatThrownBy(() -> ProviderChain.order(Map.of("LLM_PROVIDER", "claude", "OPENAI_API_KEY", "o")))
        .hasMessage("LLM_PROVIDER=claude needs ANTHROPIC_API_KEY");
    assertThatThrownBy(() -> LlmProviders.fromEnvironment(Map.of("LLM_PROVIDER", "openai", "OPENAI_API_KEY", "o",
        "LLM_TIMEOUT_SECONDS", "soon"))).hasMessageContaining("LLM_TIMEOUT_SECONDS");
  }

  @Test
  void theFactoryBuildsGuardedProvidersWithTheirSettings() {
    List<ConversationalAgent> agents = LlmProviders.fromEnvironment(Map.of("LLM_PROVIDER", "claude",
        "ANTHROPIC_API_KEY", "a", "GEMINI_API_KEY", "g", "GEMINI_MODEL", "gemini-2.5-pro",
        "ANTHROPIC_BASE_URL", "http://127.0.0.1:1"), LlmCallRecorder.NONE);

    assertThat(agents).extracting(ConversationalAgent::name).containsExactly("claude", "gemini");
    assertThat(agents).allMatch(a -> a instanceof GuardedProvider);
    GuardedProvider gemini = (GuardedProvider) agents.get(1);
    assertThat(((LlmConversationalAgent) gemini.delegate()).modelName()).isEqualTo("gemini-2.5-pro");
    assertThat(gemini.breaker().getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
        .isEqualTo(30_000L);
    assertThat(gemini.breaker().getCircuitBreakerConfig().getSlidingWindowSize()).isEqualTo(30);
    assertThat(gemini.breaker().getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(5);
  }

  @Test
  void offlineAnswersThroughTheChainAndNeedsNoRecorder() {
    List<ConversationalAgent> agents = LlmProviders.fromEnvironment(Map.of("LLM_PROVIDER", "offline"));

    assertThat(agents).singleElement().extracting(ConversationalAgent::name).isEqualTo("offline");
    assertThat(agents.get(0).converse(Fixtures.request("hola")).intent()).isEqualTo(Intent.GREETING);
    assertThat(LlmProviders.recorderFromEnvironment(Map.of())).isSameAs(LlmCallRecorder.NONE);
    assertThat(LlmProviders.recorderFromEnvironment(Map.of("LLM_PROVIDER", "gemini", "GEMINI_API_KEY", "g")))
        .isInstanceOf(ApiLlmCallRecorder.class);
  }

  @Test
  void baseUrlsFollowEachVendorsSdkConvention() {
    assertThat(ProviderSettings.of(ProviderKind.CLAUDE, "k", "https://api.anthropic.com").baseUrl())
        .isEqualTo("https://api.anthropic.com/v1");
    assertThat(ProviderSettings.of(ProviderKind.CLAUDE, "k", "http://stub:9/v1/").baseUrl()).isEqualTo("http://stub:9/v1");
    assertThat(ProviderSettings.of(ProviderKind.GEMINI, "k", "http://stub:9").baseUrl()).isEqualTo("http://stub:9/v1beta");
    assertThat(ProviderSettings.of(ProviderKind.GEMINI, "k", null).baseUrl())
        .isEqualTo("https://generativelanguage.googleapis.com/v1beta");
    assertThat(ProviderSettings.of(ProviderKind.OPENAI, "k", "http://stub:9/v1").baseUrl()).isEqualTo("http://stub:9/v1");
    assertThat(ProviderSettings.of(ProviderKind.OPENAI, "k", "").baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(ProviderSettings.of(ProviderKind.OPENAI, "secret-key", null).toString()).doesNotContain("secret-key");
    assertThat(ProviderSettings.of(ProviderKind.OPENAI, "k", null).withTimeout(Duration.ZERO).timeout())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void reasoningModelsGetNoTemperature() {
    assertThat(ChatModels.openAiReasoningModel("gpt-5-mini")).isTrue();
    assertThat(ChatModels.openAiReasoningModel("o4-mini")).isTrue();
    assertThat(ChatModels.openAiReasoningModel("gpt-4.1-mini")).isFalse();
  }

  private static Map<String, String> with(Map<String, String> env, String provider) {
    java.util.HashMap<String, String> copy = new java.util.HashMap<>(env);
    copy.put("LLM_PROVIDER", provider);
    return copy;
  }
}
