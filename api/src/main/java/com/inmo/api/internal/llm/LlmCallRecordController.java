package com.inmo.api.internal.llm;

import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.llm.LlmBudgets;
import com.inmo.api.llm.LlmCall;
import com.inmo.api.llm.LlmCalls;
import com.inmo.api.web.Problems;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/v1/llm-calls}: the worker records each model call ({@link LlmCalls}, idempotent by turn and
 * attempt: 201 new, 200 a retry); each new one also counts in its broker's daily budget ({@link LlmBudgets}).
 */
@RestController
public class LlmCallRecordController {

  private static final Logger log = LoggerFactory.getLogger(LlmCallRecordController.class);
  private final LlmCalls calls;
  private final Brokers brokers;
  private final LlmBudgets budgets;

  public LlmCallRecordController(LlmCalls calls, Brokers brokers, LlmBudgets budgets) {
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

  /** The budget is a safety net: when Redis is down the call is still recorded. */
  private Mono<Void> count(Broker broker, LlmCall call) {
    return budgets.count(broker, call)
        .onErrorResume(e -> {
          log.warn("LLM call {} not counted in broker {}'s daily budget: {}", call.turnId(), broker.slug(), e.toString());
          return Mono.empty();
        });
  }
}
