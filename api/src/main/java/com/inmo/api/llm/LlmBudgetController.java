package com.inmo.api.llm;

import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-broker daily LLM budget ({@link LlmBudgetSettings}, counted by {@link LlmBudgets}):
 * <ul>
 *   <li>{@code POST /internal/v1/llm-budget/checks} {@code {"leadId": "<workflow id>"}}: the worker asks before it
 *       calls a model for a lead; {@code spent} says not to, and {@code notifyTeam} is true for the one check
 *       that first finds today spent (that worker tells the team, once a day). 404 when no broker owns the id,
 *       503 when Redis cannot tell (the worker then carries on: the budget is a safety net).</li>
 *   <li>{@code GET /api/v1/operations/llm-budget}: today's figures for the dashboard's Operations page (an ADMIN
 *       their broker, a SUPERADMIN every active broker or the one named by {@code brokerId}).</li>
 * </ul>
 */
@RestController
public class LlmBudgetController {

  private static final Logger log = LoggerFactory.getLogger(LlmBudgetController.class);
  private final Brokers brokers;
  private final LlmBudgets budgets;
  private final JsonMapper json;

  public LlmBudgetController(Brokers brokers, LlmBudgets budgets, JsonMapper json) {
    this.brokers = brokers;
    this.budgets = budgets;
    this.json = json;
  }

  public record CheckRequest(String leadId) {
  }

  public record Check(String brokerSlug, LocalDate day, long turns, long turnsLimit, BigDecimal costUsd,
                      BigDecimal budgetUsd, boolean spent, boolean notifyTeam) {
  }

  public record Today(UUID brokerId, String brokerSlug, String brokerName, LocalDate day, String timeZone, long turns,
                      long turnsLimit, BigDecimal costUsd, BigDecimal budgetUsd, boolean spent) {
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

  @GetMapping("/api/v1/operations/llm-budget")
  @Operation(summary = "Today's LLM turns and cost against the broker's daily budget (ADMIN)")
  public Flux<Today> today(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) UUID brokerId) {
    Viewer viewer = Viewer.of(token);
    if (viewer.role() == Role.AGENT) {
      return Flux.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "the operations view is for admins"));
    }
    UUID only = viewer.seesAllBrokers() ? brokerId : viewer.brokerId();
    Flux<Broker> shown = only != null ? brokers.findById(only).flux() : brokers.active();
    return shown.concatMap(broker -> {
      LlmBudgetSettings limits = LlmBudgetSettings.of(broker, json);
      LocalDate day = LocalDate.now(broker.zone());
      return budgets.read(broker.slug(), day, limits).map(u -> new Today(broker.id(), broker.slug(), broker.name(), day,
          broker.timeZone(), u.turns(), limits.turns(), u.costUsd(), limits.usd(), u.spent()));
    });
  }
}
