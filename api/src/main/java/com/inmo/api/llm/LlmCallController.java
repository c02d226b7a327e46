package com.inmo.api.llm;

import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.web.Problems;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/**
 * LLM calls: recorded by the worker ({@code POST /internal/v1/llm-calls}, idempotent by turn and attempt; each
 * new one also counts in its broker's daily budget, {@link LlmBudgets}) and summed per day and provider for an admin ({@code GET /api/v1/llm-calls/daily}): calls, failures, median and
 * p90 latency, tokens and estimated cost.
 */
@RestController
public class LlmCallController {

  /** The outcome of a call the provider did not answer (the worker's {@code LlmCallRecord.ERROR}). */
  static final String ERROR = "error";
  private static final Logger log = LoggerFactory.getLogger(LlmCallController.class);
  private final LlmCalls calls;
  private final Brokers brokers;
  private final LlmBudgets budgets;

  public LlmCallController(LlmCalls calls, Brokers brokers, LlmBudgets budgets) {
    this.calls = calls;
    this.brokers = brokers;
    this.budgets = budgets;
  }

  @PostMapping("/internal/v1/llm-calls")
  public Mono<ResponseEntity<Map<String, Object>>> record(@RequestBody LlmCall call) {
    if (call.turnId() == null || call.provider() == null || call.outcome() == null || call.at() == null
        || call.purpose() == null) {
      return Mono.error(Problems.badRequest("turnId, purpose, provider, outcome and at are required"));
    }
    // the broker: the lead's, or the one its workflow id names (a lead's first turn runs before its row exists)
    return brokers.ofLeadWorkflow(call.leadId()).map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMap(broker -> calls.insert(call, broker.map(Broker::id).orElse(null))
            .flatMap(inserted -> inserted && broker.isPresent() ? count(broker.get(), call).thenReturn(true)
                : Mono.just(inserted)))
        .map(inserted -> ResponseEntity.status(inserted ? HttpStatus.CREATED : HttpStatus.OK)
            .body(Map.<String, Object>of("turnId", call.turnId(), "attempt", call.attempt())));
  }

  /**
   * Adds a newly recorded call to its broker's day (its own time zone) in the daily budget: its cost, and one
   * turn for the first attempt of a turn the provider answered (a repair is the same turn; a failed call is
   * none). The budget is a safety net: when Redis is down the call is still recorded.
   */
  private Mono<Void> count(Broker broker, LlmCall call) {
    boolean turn = call.attempt() == 1 && !ERROR.equals(call.outcome());
    return budgets.count(broker.slug(), call.at().atZone(broker.zone()).toLocalDate(), turn, call.costUsd())
        .onErrorResume(e -> {
          log.warn("LLM call {} not counted in broker {}'s daily budget: {}", call.turnId(), broker.slug(), e.toString());
          return Mono.empty();
        });
  }

  /** Per UTC day and provider, within the viewer's broker (a superadmin may name one, or sees all). */
  @GetMapping("/api/v1/llm-calls/daily")
  public Flux<LlmCalls.DailyUsage> daily(@AuthenticationPrincipal Jwt token,
                                         @RequestParam(required = false) LocalDate from,
                                         @RequestParam(required = false) LocalDate to,
                                         @RequestParam(required = false) UUID brokerId) {
    Viewer viewer = Viewer.of(token);
    if (viewer.role() == Role.AGENT) {
      return Flux.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "the cost view is for admins"));
    }
    LocalDate last = to == null ? LocalDate.now() : to;
    LocalDate first = from == null ? last.minusDays(29) : from;
    if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) > 366) {
      return Flux.error(Problems.badRequest("from must be before to, at most a year apart"));
    }
    UUID broker = viewer.seesAllBrokers() ? brokerId : viewer.brokerId();
    return calls.daily(first, last, broker);
  }
}
