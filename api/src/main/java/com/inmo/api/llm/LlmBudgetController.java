package com.inmo.api.llm;

import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/operations/llm-budget}: today's LLM turns and cost against each broker's daily budget
 * ({@link LlmBudgetSettings}, counted by {@link LlmBudgets}) for the dashboard's Operations page: an ADMIN their
 * broker, a SUPERADMIN every active broker or the one named by {@code brokerId}.
 */
@RestController
public class LlmBudgetController {

  private final Brokers brokers;
  private final LlmBudgets budgets;
  private final JsonMapper json;

  public LlmBudgetController(Brokers brokers, LlmBudgets budgets, JsonMapper json) {
    this.brokers = brokers;
    this.budgets = budgets;
    this.json = json;
  }

  public record Today(UUID brokerId, String brokerSlug, String brokerName, LocalDate day, String timeZone, long turns,
                      long turnsLimit, BigDecimal costUsd, BigDecimal budgetUsd, boolean spent) {
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
