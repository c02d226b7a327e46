package com.inmo.activities.agent;

import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;

/** One provider of agent turns (offline rules, Gemini, Claude, OpenAI): same request, same structured answer. */
public interface ConversationalAgent {

  String name();

  AgentTurnResult converse(AgentTurnRequest request);

  /** Whether a turn costs money, and so counts against the broker's daily LLM budget (the offline agent: no). */
  default boolean paid() {
    return true;
  }
}
