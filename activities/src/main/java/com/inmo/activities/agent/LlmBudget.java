package com.inmo.activities.agent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The broker's daily LLM budget, asked before a model is called for a lead (docs/llm.md). Implementations
 * never throw: when the budget cannot be known the answer is {@link Status#UNKNOWN} and the model is called
 * (the budget is a safety net; a lead must not go unanswered because the check failed).
 */
public interface LlmBudget {

  /** No budget: every turn may call a model (tests, the evaluation harness). */
  LlmBudget NONE = leadId -> Status.UNKNOWN;

  /** @param leadId the lead's workflow id, as {@code AgentTurnRequest.leadId} carries it */
  Status check(String leadId);

  /**
   * @param spent      no model may be called for this broker today
   * @param notifyTeam this check was the first to find the day spent: the caller tells the team
   */
  record Status(String brokerSlug, LocalDate day, long turns, long turnsLimit, BigDecimal costUsd,
                BigDecimal budgetUsd, boolean spent, boolean notifyTeam) {

    public static final Status UNKNOWN = new Status(null, null, 0, 0, null, null, false, false);
  }
}
