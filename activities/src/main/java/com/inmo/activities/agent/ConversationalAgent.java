package com.inmo.activities.agent;

import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;

/** One provider of agent turns (offline rules, Gemini, Claude, OpenAI): same request, same structured answer. */
public interface ConversationalAgent {

  String name();

  AgentTurnResult converse(AgentTurnRequest request);
}
