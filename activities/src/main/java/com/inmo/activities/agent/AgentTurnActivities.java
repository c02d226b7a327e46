package com.inmo.activities.agent;

import com.inmo.workflows.activity.AgentActivities;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import java.util.List;
import java.util.Optional;

/**
 * The agent activity. A clear opt-out is answered here ({@link OptOutGuard}) before any provider is asked,
 * so honouring it never depends on a model; otherwise the configured providers are asked in order
 * ({@code LLM_PROVIDER} first). A provider that throws is skipped for the next one; when all fail, the
 * exception reaches Temporal, which retries the turn.
 */
public class AgentTurnActivities implements AgentActivities {

  private final List<ConversationalAgent> providers;

  public AgentTurnActivities(List<ConversationalAgent> providers) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("at least one agent provider is needed");
    }
    this.providers = List.copyOf(providers);
  }

  @Override
  public AgentTurnResult converse(AgentTurnRequest request) {
    Optional<AgentTurnResult> guarded = OptOutGuard.answer(request.message());
    if (guarded.isPresent()) {
      return guarded.get();
    }
    RuntimeException last = null;
    for (ConversationalAgent provider : providers) {
      try {
        return provider.converse(request);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }
}
