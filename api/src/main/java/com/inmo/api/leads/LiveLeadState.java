package com.inmo.api.leads;

import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.LeadWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The lead's state straight from its workflow (the {@code state} query), for the detail view. A query
 * needs a worker to answer it; when none does in time, the view shows the read model alone.
 */
@Component
public class LiveLeadState {

  static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Logger log = LoggerFactory.getLogger(LiveLeadState.class);
  private final WorkflowClient client;

  public LiveLeadState(WorkflowClient client) {
    this.client = client;
  }

  /** The workflow's view, or empty when it does not exist, is closed, or does not answer within 3 s. */
  public Mono<Optional<LeadView>> of(String workflowId) {
    return Mono.fromCallable(() -> client.newWorkflowStub(LeadWorkflow.class, workflowId).state())
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(TIMEOUT)
        .map(Optional::of)
        .onErrorResume(e -> {
          log.debug("No live state for {}: {}", workflowId, e.toString());
          return Mono.just(Optional.empty());
        });
  }
}
