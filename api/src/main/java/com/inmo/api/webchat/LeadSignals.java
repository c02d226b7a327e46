package com.inmo.api.webchat;

import com.inmo.api.web.Problems;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadWorkflow;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands a web chat message to its lead's workflow by signal-with-start: the first message creates the
 * workflow, later ones signal it, and Temporal holds the message durably before we answer 202.
 */
@Component
public class LeadSignals {

  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(LeadSignals.class);
  private final WorkflowClient client;

  public LeadSignals(WorkflowClient client) {
    this.client = client;
  }

  /** Completes once Temporal recorded the signal; a 503 problem when it could not. */
  public Mono<Void> webchatMessage(String brokerSlug, String sessionId, String workflowId, String messageId,
                                   String text) {
    return Mono.<Void>fromRunnable(() -> {
      LeadWorkflow stub = client.newWorkflowStub(LeadWorkflow.class, WorkflowOptions.newBuilder()
          .setWorkflowId(workflowId)
          .setTaskQueue(LeadWorkflow.TASK_QUEUE)
          .build());
      BatchRequest request = client.newSignalWithStartRequest();
      request.add(stub::run, new LeadStart(brokerSlug, Channel.WEBCHAT, sessionId, "webchat", null, null));
      request.add(stub::inbound, new InboundMessage(messageId, "TEXT", text, Instant.now(), null, null));
      client.signalWithStart(request);
    })
        // the SDK's gRPC call blocks: keep it off the event loop
        .subscribeOn(Schedulers.boundedElastic())
        // the SDK retries a struggling server for longer than a visitor should wait for an answer
        .timeout(TIMEOUT)
        .onErrorMap(e -> {
          log.warn("Temporal did not take web chat message {} for {}: {}", messageId, workflowId, e.toString());
          return Problems.unavailable("The conversation service is not available; please retry");
        });
  }
}
