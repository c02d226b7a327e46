package com.inmo.activities.agent;

import com.inmo.activities.agent.llm.SafeReplies;
import com.inmo.workflows.activity.AgentActivities;
import com.inmo.workflows.activity.TeamNotification;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent activity (docs/llm.md). A clear opt-out is answered here ({@link OptOutGuard}) before any
 * provider is asked, so honouring it never depends on a model. Before the first provider that costs money,
 * the broker's daily {@link LlmBudget} is asked: when it is spent no provider is called, the lead gets
 * {@link SafeReplies#BUDGET_SPENT} (a person takes over) and, the first time that day, the team is told.
 * Otherwise the configured providers are asked in order ({@code LLM_PROVIDER} first); the offline agent
 * costs nothing and never asks the budget. A provider that throws is skipped for the next one; when all
 * fail, the exception reaches Temporal, which retries the turn.
 */
public class AgentTurnActivities implements AgentActivities {

  static final String BUDGET_SPENT_KIND = "LLM_BUDGET_SPENT";
  private static final Logger log = LoggerFactory.getLogger(AgentTurnActivities.class);

  private final List<ConversationalAgent> providers;
  private final LlmBudget budget;
  private final Consumer<TeamNotification> team;

  /** Without a budget (tests, the evaluation harness). */
  public AgentTurnActivities(List<ConversationalAgent> providers) {
    this(providers, LlmBudget.NONE, notification -> { });
  }

  /** @param team tells the broker's team (the worker: the read model's notifications, and Telegram) */
  public AgentTurnActivities(List<ConversationalAgent> providers, LlmBudget budget, Consumer<TeamNotification> team) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("at least one agent provider is needed");
    }
    this.providers = List.copyOf(providers);
    this.budget = budget;
    this.team = team;
  }

  @Override
  public AgentTurnResult converse(AgentTurnRequest request) {
    return com.inmo.activities.Heartbeats.whileRunning(() -> turn(request));
  }

  private AgentTurnResult turn(AgentTurnRequest request) {
    Optional<AgentTurnResult> guarded = OptOutGuard.answer(request.message());
    if (guarded.isPresent()) {
      return guarded.get();
    }
    boolean budgetAsked = false;
    RuntimeException last = null;
    for (ConversationalAgent provider : providers) {
      if (provider.paid() && !budgetAsked) {
        budgetAsked = true;
        LlmBudget.Status status = budget.check(request.leadId());
        if (status.spent()) {
          if (status.notifyTeam()) {
            tellTeam(status);
          }
          return SafeReplies.BUDGET_SPENT;
        }
      }
      try {
        return provider.converse(request);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Once a day per broker (the api picks the one check that tells); a failure is logged, the lead still answered. */
  private void tellTeam(LlmBudget.Status status) {
    String text = "Se agotó el presupuesto diario de IA (" + status.turnsLimit() + " turnos o US$ "
        + status.budgetUsd().toPlainString() + " al día; van " + status.turns() + " turnos y US$ "
        + status.costUsd().toPlainString() + "). Hasta mañana, los mensajes de los leads pasan a una persona del "
        + "equipo sin respuesta de la IA.";
    try {
      team.accept(new TeamNotification(status.brokerSlug(), BUDGET_SPENT_KIND, null, null, text,
          "llm-budget-spent:" + status.brokerSlug() + ":" + status.day()));
    } catch (RuntimeException e) {
      log.warn("The team of broker {} was not told its LLM budget is spent: {}", status.brokerSlug(), e.toString());
    }
  }
}
