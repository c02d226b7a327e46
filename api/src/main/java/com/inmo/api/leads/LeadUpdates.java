package com.inmo.api.leads;

import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.LeadWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a dashboard action to the lead's workflow as an update and answers with the workflow's own result:
 * its new state, or its reason for refusing. A validator's refusal (the request does not fit the lead's
 * state) is 409; a slot the calendar does not offer is 422; Temporal unreachable is 503.
 */
@Component
public class LeadUpdates {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> UNPROCESSABLE = Set.of("SlotNotOffered");

  private final WorkflowClient client;

  public LeadUpdates(WorkflowClient client) {
    this.client = client;
  }

  public Mono<LeadView> apply(String workflowId, Function<LeadWorkflow, LeadView> update) {
    return Mono.fromCallable(() -> update.apply(client.newWorkflowStub(LeadWorkflow.class, workflowId)))
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(TIMEOUT)
        .onErrorMap(LeadUpdates::toHttp);
  }

  /** For signals (fire and forget, but only once Temporal has them). */
  public Mono<Void> signal(String workflowId, java.util.function.Consumer<LeadWorkflow> signal) {
    return Mono.fromRunnable(() -> signal.accept(client.newWorkflowStub(LeadWorkflow.class, workflowId)))
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(TIMEOUT)
        .onErrorMap(LeadUpdates::toHttp)
        .then();
  }

  static Throwable toHttp(Throwable e) {
    if (e instanceof ResponseStatusException) {
      return e;
    }
    if (e instanceof WorkflowUpdateException update) {
      Throwable cause = update.getCause();
      while (cause != null && !(cause instanceof ApplicationFailure)) {
        cause = cause.getCause();
      }
      if (cause instanceof ApplicationFailure failure) {
        HttpStatus status = UNPROCESSABLE.contains(failure.getType()) ? HttpStatus.UNPROCESSABLE_CONTENT
            : "CalendarUnavailable".equals(failure.getType()) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.CONFLICT;
        return new ResponseStatusException(status, failure.getOriginalMessage());
      }
      return new ResponseStatusException(HttpStatus.CONFLICT, update.getMessage());
    }
    if (e instanceof WorkflowNotFoundException) {
      return new ResponseStatusException(HttpStatus.CONFLICT, "the lead's workflow is no longer running");
    }
    if (e instanceof WorkflowServiceException || e instanceof java.util.concurrent.TimeoutException) {
      return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Temporal did not take the action; retry");
    }
    return e;
  }
}
