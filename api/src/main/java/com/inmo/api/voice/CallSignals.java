package com.inmo.api.voice;

import com.inmo.api.web.Problems;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands a provider's end-of-call report to its call workflow as the {@code report} signal. Completes with
 * {@code true} once Temporal recorded it, {@code false} when no such workflow runs (closed long ago, or never
 * ours: the provider must stop retrying), and fails with a 503 problem when Temporal cannot take it (the provider
 * retries, and if it does not, the workflow's status poll recovers the report). Temporal only, never the database.
 */
@Component
class CallSignals {

  private static final Logger log = LoggerFactory.getLogger(CallSignals.class);
  private final WorkflowClient client;
  private final VoiceProperties props;

  CallSignals(WorkflowClient client, VoiceProperties props) {
    this.client = client;
    this.props = props;
  }

  Mono<Boolean> report(CallReport report) {
    return Mono.fromCallable(() -> {
      try {
        client.newWorkflowStub(CallWorkflow.class, report.callWorkflowId()).report(report);
        return true;
      } catch (WorkflowNotFoundException e) {
        log.info("No running call workflow {} for {} call {}: report ignored", report.callWorkflowId(),
            report.provider(), report.providerCallId());
        return false;
      }
    })
        // the SDK's gRPC call blocks: keep it off the event loop
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(props.signalTimeout())
        .onErrorMap(e -> {
          log.warn("Temporal did not take the {} report of {}: {}", report.provider(), report.callWorkflowId(),
              e.toString());
          return Problems.unavailable("Temporal is not available; retry");
        });
  }
}
