package com.inmo.workflows.activity;

import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import io.temporal.activity.ActivityInterface;

/** One conversational turn of the AI agent. Structured data only: no side effect happens inside. */
@ActivityInterface
public interface AgentActivities {

  AgentTurnResult converse(AgentTurnRequest request);
}
