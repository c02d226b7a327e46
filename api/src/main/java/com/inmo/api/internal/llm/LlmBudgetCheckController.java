package com.inmo.api.internal.llm;

import com.inmo.api.brokers.Brokers;
import com.inmo.api.llm.LlmBudgetSettings;
import com.inmo.api.llm.LlmBudgets;
import com.inmo.api.web.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /internal/v1/llm-budget/checks} {@code {"leadId": "<workflow id>"}}: the worker asks before it calls a
 * model for a lead whether the broker's daily LLM budget ({@link LlmBudgetSettings}, counted by {@link LlmBudgets})
 * is spent; {@code notifyTeam} is true for the one check that first finds today spent (that worker tells the team,
 * once a day). 404 when no broker owns the id, 503 when Redis cannot tell (the worker then carries on: the budget
 * is a safety net).
 */
@RestController
public class LlmBudgetCheckController {

  private static final Logger log = LoggerFactory.getLogger(LlmBudgetCheckController.class);
  private final Brokers brokers;
  private final LlmBudgets budgets;
  private final JsonMapper json;

  public LlmBudgetCheckController(Brokers brokers, LlmBudgets budgets, JsonMapper json) {
    this.brokers = brokers;
    this.budgets = budgets;
    this.json = json;
  }

  public record CheckRequest(String leadId) {
  }

  public record Check(String brokerSlug, LocalDate day, long turns, long turnsLimit, BigDecimal costUsd,
                      BigDecimal budgetUsd, boolean spent, boolean notifyTeam) {
  }

  @PostMapping("/internal/v1/llm-budget/checks")
  public Mono<Check> check(@RequestBody CheckRequest request) {
    if (request == null || request.leadId() == null || request.leadId().isBlank()) {
      return Mono.error(Problems.badRequest("leadId (the lead's workflow id) is required"));
    }
    return brokers.ofLeadWorkflow(request.leadId())
        .switchIfEmpty(Mono.error(() -> Problems.notFound("No broker owns lead " + request.leadId())))
        .flatMap(broker -> {
          LlmBudgetSettings limits = LlmBudgetSettings.of(broker, json);
          LocalDate day = LocalDate.now(broker.zone());
          return budgets.check(broker.slug(), day, limits)
              .onErrorMap(e -> {
                log.warn("LLM budget of broker {} could not be checked: {}", broker.slug(), e.toString());
                return Problems.unavailable("The LLM budget cannot be checked now (Redis)");
              })
              .map(u -> {
                if (u.firstToFindSpent()) {
                  log.warn("Broker {} spent its LLM budget for {}: {} turns (limit {}), US$ {} (budget US$ {})",
                      broker.slug(), day, u.turns(), limits.turns(), u.costUsd(), limits.usd());
                }
                return new Check(broker.slug(), day, u.turns(), limits.turns(), u.costUsd(), limits.usd(), u.spent(),
                    u.firstToFindSpent());
              });
        });
  }
}
