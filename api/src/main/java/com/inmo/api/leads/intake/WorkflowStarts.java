package com.inmo.api.leads.intake;

import com.inmo.api.web.Problems;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Starts a lead's workflow ({@code WorkflowClient.start}); a 503 problem when Temporal does not take it in time. */
@Component
public class WorkflowStarts {

  private static final Logger log = LoggerFactory.getLogger(WorkflowStarts.class);
  private final WorkflowClient client;
  private final Duration timeout;

  public WorkflowStarts(WorkflowClient client, @Value("${inmo.leads.start-timeout:10s}") Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** Completes once Temporal recorded the start. */
  public Mono<Void> start(String workflowId, LeadStart start) {
    return Mono.<Void>fromRunnable(() -> {
      LeadWorkflow stub = client.newWorkflowStub(LeadWorkflow.class, WorkflowOptions.newBuilder()
          .setWorkflowId(workflowId)
          .setTaskQueue(LeadWorkflow.TASK_QUEUE)
          .build());
      WorkflowClient.start(stub::run, start);
    })
        // the SDK's gRPC call blocks: keep it off the event loop
        .subscribeOn(Schedulers.boundedElastic())
        // the SDK retries an unreachable server for longer than anyone waits for an answer
        .timeout(timeout)
        .onErrorMap(e -> !(e instanceof WorkflowExecutionAlreadyStarted), e -> {
          log.warn("Temporal did not start lead workflow {}: {}", workflowId, e.toString());
          return Problems.unavailable("The workflow service is not available; please retry");
        })
        .onErrorMap(WorkflowExecutionAlreadyStarted.class,
            e -> Problems.conflict("Workflow " + workflowId + " is already running"));
  }
}
