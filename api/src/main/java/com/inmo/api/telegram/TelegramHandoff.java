package com.inmo.api.telegram;

import com.inmo.api.web.Problems;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadWorkflow;
import com.inmo.workflows.lead.LeadWorkflowIds;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands a Telegram message to its lead's workflow ({@code lead-<broker>-telegram-<chatId>}) by
 * signal-with-start: the first message creates the lead (edits and blocks only signal a lead that
 * exists). Completes only once Temporal recorded the signal; anything else is a 503 so that Telegram
 * retries. Needs Temporal only, never the database.
 */
@Component
class TelegramHandoff {

  private static final Logger log = LoggerFactory.getLogger(TelegramHandoff.class);
  private final WorkflowClient client;
  private final TelegramProperties props;

  TelegramHandoff(WorkflowClient client, TelegramProperties props) {
    this.client = client;
    this.props = props;
  }

  Mono<Void> deliver(String brokerSlug, LeadInbound in) {
    String workflowId = LeadWorkflowIds.telegram(brokerSlug, in.chatId());
    return Mono.<Void>fromRunnable(() -> {
      if (in.mayStartLead()) {
        LeadWorkflow stub = client.newWorkflowStub(LeadWorkflow.class, WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(LeadWorkflow.TASK_QUEUE)
            .build());
        BatchRequest request = client.newSignalWithStartRequest();
        request.add(stub::run, new LeadStart(brokerSlug.toLowerCase(java.util.Locale.ROOT), Channel.TELEGRAM,
            String.valueOf(in.chatId()), in.leadSource(), null, null));
        request.add(stub::inbound, in.message());
        client.signalWithStart(request);
        return;
      }
      try {
        // an edit or a block never starts a lead: there is no conversation to add it to
        client.newWorkflowStub(LeadWorkflow.class, workflowId).inbound(in.message());
      } catch (WorkflowNotFoundException e) {
        log.info("{} for {}: no such running lead, nothing to mark", in.message().kind(), workflowId);
      }
    })
        // the SDK's gRPC call blocks: keep it off the event loop
        .subscribeOn(Schedulers.boundedElastic())
        // the SDK retries a struggling server for longer than Telegram waits for our answer
        .timeout(props.handoffTimeout())
        .onErrorMap(e -> {
          log.warn("Temporal did not take Telegram message {} for {}: {}", in.message().messageId(), workflowId,
              e.toString());
          return Problems.unavailable("The conversation service is not available; retry");
        });
  }
}
