package com.inmo.api.gateway;

import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.LeadWorkflow;
import com.inmo.workflows.lead.OptOutRequest;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * {@link LeadGateway} over Temporal's {@link WorkflowClient}; lead workflows run on
 * {@link LeadWorkflow#TASK_QUEUE}.
 */
@Component
public class TemporalLeadGateway implements LeadGateway {

  private static final Logger log = LoggerFactory.getLogger(TemporalLeadGateway.class);
  private final WorkflowClient client;
  private final GatewayProperties props;

  public TemporalLeadGateway(WorkflowClient client, GatewayProperties props) {
    this.client = client;
    this.props = props;
  }

  @Override
  public Mono<Void> start(String workflowId, LeadStart start) {
    return signal(workflowId, "start", () -> {
      WorkflowClient.start(newWorkflow(workflowId)::run, start);
      return true;
    }).then();
  }

  @Override
  public Mono<Void> inbound(String workflowId, LeadStart start, InboundMessage message) {
    return signal(workflowId, "message " + message.messageId(), () -> {
      LeadWorkflow workflow = newWorkflow(workflowId);
      BatchRequest request = client.newSignalWithStartRequest();
      request.add(workflow::run, start);
      request.add(workflow::inbound, message);
      client.signalWithStart(request);
      return true;
    }).then();
  }

  @Override
  public Mono<Boolean> inboundIfRunning(String workflowId, InboundMessage message) {
    return signal(workflowId, "message " + message.messageId(), () -> {
      try {
        existing(workflowId).inbound(message);
        return true;
      } catch (WorkflowNotFoundException e) {
        log.info("{} for {}: no such running lead, nothing to mark", message.kind(), workflowId);
        return false;
      }
    });
  }

  @Override
  public Mono<LeadView> update(String workflowId, LeadUpdate update) {
    return Blocking.call(() -> update.call().apply(existing(workflowId)), props.updateTimeout())
        .onErrorMap(e -> {
          log.debug("Update {} of {} not applied: {}", update.name(), workflowId, e.toString());
          return GatewayProblems.of(e, workflowId);
        });
  }

  @Override
  public Mono<Void> optOut(String workflowId, OptOutRequest request) {
    return signal(workflowId, "opt-out", () -> {
      existing(workflowId).optOut(request);
      return true;
    }).then();
  }

  @Override
  public Mono<Optional<LeadView>> state(String workflowId) {
    return Blocking.call(() -> Optional.of(existing(workflowId).state()), props.queryTimeout())
        .onErrorResume(e -> {
          log.debug("No live state for {}: {}", workflowId, e.toString());
          return Mono.just(Optional.empty());
        });
  }

  private <T> Mono<T> signal(String workflowId, String what, Callable<T> call) {
    return Blocking.call(call, props.signalTimeout())
        .onErrorMap(e -> {
          ResponseStatusException problem = GatewayProblems.of(e, workflowId);
          if (problem.getStatusCode().is5xxServerError()) {
            log.warn("Temporal did not take the {} of {}: {}", what, workflowId, e.toString());
          }
          return problem;
        });
  }

  private LeadWorkflow newWorkflow(String workflowId) {
    return client.newWorkflowStub(LeadWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(LeadWorkflow.TASK_QUEUE)
        .build());
  }

  private LeadWorkflow existing(String workflowId) {
    return client.newWorkflowStub(LeadWorkflow.class, workflowId);
  }
}
