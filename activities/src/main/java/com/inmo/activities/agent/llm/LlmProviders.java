package com.inmo.activities.agent.llm;

import com.inmo.activities.agent.ConversationalAgent;
import com.inmo.activities.api.InternalApiClient;
import java.util.List;
import java.util.Map;

/**
 * The factory the worker uses. Reads:
 * <ul>
 *   <li>{@code LLM_PROVIDER}: {@code offline} (default), {@code gemini}, {@code claude} or {@code openai}</li>
 *   <li>{@code GEMINI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY}: a set key adds that
 *       provider as a failover after {@code LLM_PROVIDER}, in the order gemini, claude, openai</li>
 *   <li>{@code GEMINI_BASE_URL}, {@code ANTHROPIC_BASE_URL}, {@code OPENAI_BASE_URL} (default the real ones),
 *       {@code GEMINI_MODEL} (gemini-2.5-flash), {@code ANTHROPIC_MODEL} (claude-haiku-4-5),
 *       {@code OPENAI_MODEL} (gpt-4.1-mini), {@code LLM_TIMEOUT_SECONDS} (30),
 *       {@code LLM_MAX_OUTPUT_TOKENS} (1024), {@code LLM_HISTORY_TURNS} (12)</li>
 *   <li>for {@link #fromEnvironment(Map)} only: {@code INMO_API_URL} (http://127.0.0.1:8001) and
 *       {@code INTERNAL_API_TOKEN}, where call records are posted</li>
 * </ul>
 * Call it once per worker and keep the result: the circuit breakers live in it.
 */
public final class LlmProviders {

  private LlmProviders() {
  }

  /** The ordered providers for {@code new AgentTurnActivities(...)}, recording calls to the api. */
  public static List<ConversationalAgent> fromEnvironment(Map<String, String> env) {
    return chain(env, recorderFromEnvironment(env)).agents();
  }

  public static List<ConversationalAgent> fromEnvironment(Map<String, String> env, LlmCallRecorder recorder) {
    return chain(env, recorder).agents();
  }

  /** The whole chain: {@code chain.agents()} for turns, {@code new TranscriptSummarizer(chain)} for calls. */
  public static ProviderChain chain(Map<String, String> env, LlmCallRecorder recorder) {
    return chain(env, recorder, BreakerPolicy.DEFAULT);
  }

  public static ProviderChain chain(Map<String, String> env, LlmCallRecorder recorder, BreakerPolicy breakers) {
    AgentPrompt prompt = new AgentPrompt(PromptTemplate.load(AgentPrompt.DEFAULT_TEMPLATE),
        ProviderSettings.positive(env, "LLM_HISTORY_TURNS", AgentPrompt.DEFAULT_HISTORY_TURNS),
        AgentPrompt.DEFAULT_BUSINESS_HOURS);
    return ProviderChain.fromEnvironment(env, breakers,
        settings -> LlmConversationalAgent.create(settings, prompt, recorder));
  }

  /** Posts to the api's {@code /internal/v1/llm-calls}; nothing to record with the offline agent alone. */
  public static LlmCallRecorder recorderFromEnvironment(Map<String, String> env) {
    if (ProviderChain.order(env).equals(List.of(ProviderChain.OFFLINE))) {
      return LlmCallRecorder.NONE;
    }
    String url = env.getOrDefault("INMO_API_URL", InternalApiClient.DEFAULT_BASE_URL);
    String base = url == null || url.isBlank() ? InternalApiClient.DEFAULT_BASE_URL : url;
    return new ApiLlmCallRecorder(new InternalApiClient(base,
        env.get("INTERNAL_API_TOKEN")));
  }
}
