package com.inmo.activities.agent.llm;

import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * A provider behind its circuit breaker. While the breaker is open, calls throw
 * {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException} at once, without reaching the
 * provider, and the chain moves on to the next one.
 */
public final class GuardedProvider implements AgentProvider {

  private final AgentProvider delegate;
  private final CircuitBreaker breaker;

  public GuardedProvider(AgentProvider delegate, CircuitBreaker breaker) {
    this.delegate = delegate;
    this.breaker = breaker;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  public AgentProvider delegate() {
    return delegate;
  }

  @Override
  public AgentTurnResult converse(AgentTurnRequest request) {
    return breaker.executeSupplier(() -> delegate.converse(request));
  }

  @Override
  public TranscriptSummary summarize(TranscriptRequest request) {
    return breaker.executeSupplier(() -> delegate.summarize(request));
  }
}
