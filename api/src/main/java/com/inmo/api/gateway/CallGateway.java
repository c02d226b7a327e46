package com.inmo.api.gateway;

import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The voice webhooks' door to the call workflows, which the worker starts (children of a lead's workflow): the
 * api only hands them a provider's end-of-call report. Apart from {@link LeadGateway} because a missing call
 * workflow is no error here (closed long ago, or never ours: the provider must stop retrying), and because no
 * test needs it faked: the webhooks' tests read the report back from Temporal.
 */
@Component
public class CallGateway {

  private static final Logger log = LoggerFactory.getLogger(CallGateway.class);
  private final WorkflowClient client;
  private final GatewayProperties props;

  public CallGateway(WorkflowClient client, GatewayProperties props) {
    this.client = client;
    this.props = props;
  }

  /**
   * The {@code report} signal: {@code true} once Temporal recorded it, {@code false} when no such workflow runs;
   * a 503 problem when Temporal did not take it (the provider retries; if it does not, the workflow's status poll
   * recovers the report).
   */
  public Mono<Boolean> report(CallReport report) {
    return Blocking.call(() -> {
      try {
        client.newWorkflowStub(CallWorkflow.class, report.callWorkflowId()).report(report);
        return true;
      } catch (WorkflowNotFoundException e) {
        log.info("No running call workflow {} for {} call {}: report ignored", report.callWorkflowId(),
            report.provider(), report.providerCallId());
        return false;
      }
    }, props.signalTimeout()).onErrorMap(e -> {
      log.warn("Temporal did not take the {} report of {}: {}", report.provider(), report.callWorkflowId(),
          e.toString());
      return GatewayProblems.unavailable();
    });
  }
}
