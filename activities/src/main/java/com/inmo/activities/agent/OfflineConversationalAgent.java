package com.inmo.activities.agent;

import com.inmo.activities.agent.offline.OfflineAgent;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;

/** {@code LLM_PROVIDER=offline}: the deterministic Spanish rule-based agent; needs no network. */
public class OfflineConversationalAgent implements ConversationalAgent {

  private final OfflineAgent agent = new OfflineAgent();

  @Override
  public String name() {
    return "offline";
  }

  @Override
  public AgentTurnResult converse(AgentTurnRequest request) {
    return agent.converse(request);
  }

  @Override
  public boolean paid() {
    return false;
  }
}
