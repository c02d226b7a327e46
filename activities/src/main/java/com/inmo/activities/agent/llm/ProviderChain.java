package com.inmo.activities.agent.llm;

import com.inmo.activities.agent.ConversationalAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The ordered providers of the agent, each LLM behind its own circuit breaker.
 *
 * <p>Order ({@link #order}): {@code LLM_PROVIDER} first, then every other LLM provider whose key is set,
 * in the order gemini, claude, openai. {@code LLM_PROVIDER=offline} (or unset) gives the offline agent
 * alone: it never fails, so nothing after it could ever be reached, and it is never appended behind the
 * LLMs automatically (when every LLM fails the turn fails, and Temporal retries it later, rather than a
 * lead silently getting the rule-based agent). Build one chain per worker and share it: the breakers
 * live in it.
 */
public final class ProviderChain {

  public static final String OFFLINE = "offline";

  private final List<AgentProvider> members;

  public ProviderChain(List<AgentProvider> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a provider chain needs at least one provider");
    }
    this.members = List.copyOf(members);
  }

  /** The provider ids in the order they are tried, from {@code LLM_PROVIDER} and the keys present. */
  public static List<String> order(Map<String, String> env) {
    String chosen = env.getOrDefault("LLM_PROVIDER", "");
    chosen = chosen == null || chosen.isBlank() ? OFFLINE : chosen.trim().toLowerCase(Locale.ROOT);
    if (chosen.equals(OFFLINE)) {
      return List.of(OFFLINE);
    }
    ProviderKind first = ProviderKind.byId(chosen).orElseThrow(() -> new IllegalArgumentException(
        "LLM_PROVIDER must be one of [claude, gemini, offline, openai], got '" + env.get("LLM_PROVIDER") + "'"));
    if (!ProviderSettings.configured(first, env)) {
      throw new IllegalArgumentException("LLM_PROVIDER=" + first.id() + " needs " + first.keyVariable());
    }
    List<String> ids = new ArrayList<>(List.of(first.id()));
    for (ProviderKind kind : ProviderKind.values()) {
      if (kind != first && ProviderSettings.configured(kind, env)) {
        ids.add(kind.id());
      }
    }
    return ids;
  }

  /**
   * The chain configured by {@code env}; {@code llm} builds an unguarded LLM provider from its settings
   * (tests pass their own, production uses {@link LlmConversationalAgent#create}).
   */
  public static ProviderChain fromEnvironment(Map<String, String> env, BreakerPolicy breakers,
                                              Function<ProviderSettings, AgentProvider> llm) {
    List<AgentProvider> members = new ArrayList<>();
    for (String id : order(env)) {
      if (id.equals(OFFLINE)) {
        members.add(new OfflineProvider());
      } else {
        ProviderKind kind = ProviderKind.byId(id).orElseThrow();
        members.add(new GuardedProvider(llm.apply(ProviderSettings.fromEnvironment(kind, env)), breakers.create(id)));
      }
    }
    return new ProviderChain(members);
  }

  public List<AgentProvider> members() {
    return members;
  }

  /** For {@code new AgentTurnActivities(chain.agents())}. */
  public List<ConversationalAgent> agents() {
    return List.copyOf(members);
  }

  public List<String> names() {
    return members.stream().map(AgentProvider::name).toList();
  }

  /** The summary from the first provider that answers (breakers respected); the last failure if none does. */
  public TranscriptSummary summarize(TranscriptRequest request) {
    RuntimeException last = null;
    for (AgentProvider member : members) {
      try {
        return member.summarize(request);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }
}
