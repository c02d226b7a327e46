package com.inmo.api.gateway;

import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.OptOutRequest;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The api's one door to the lead workflows: every channel, the dashboard's actions and the intake go through
 * here, and nothing else in the api talks to Temporal about a lead. Each call completes once Temporal recorded
 * it (never blocking the event loop) or fails with a problem the caller returns as is:
 * <ul>
 *   <li>503 when Temporal did not take it in time (the caller, or the channel's sender, retries);</li>
 *   <li>409 when the lead's workflow is no longer running, or a start finds it running already;</li>
 *   <li>the workflow's refusal of an update with its own reason: 409, a slot the calendar does not offer 422,
 *       a calendar that could not be reached 503 ({@link GatewayProblems#refused}).</li>
 * </ul>
 * {@link TemporalLeadGateway} is the real one; the api's tests have an in-memory one.
 */
public interface LeadGateway {

  /** Starts a lead's workflow (a lead typed in or imported): 409 when it runs already. */
  Mono<Void> start(String workflowId, LeadStart start);

  /**
   * A lead's message, by signal-with-start: the first message of a conversation creates its workflow with
   * {@code start}, later ones signal it.
   */
  Mono<Void> inbound(String workflowId, LeadStart start, InboundMessage message);

  /**
   * A message that only concerns a lead that exists (an edit, a block): completes with {@code true} once
   * signalled, {@code false} when no such workflow runs (nothing to add it to, and not an error).
   */
  Mono<Boolean> inboundIfRunning(String workflowId, InboundMessage message);

  /** A dashboard action: answers with the lead's state after it, or fails with the workflow's refusal. */
  Mono<LeadView> update(String workflowId, LeadUpdate update);

  /** The lead (or an agent for them) asked never to be contacted again: a signal. */
  Mono<Void> optOut(String workflowId, OptOutRequest request);

  /**
   * The workflow's own view (its {@code state} query), for the detail view: empty when it never ran or no worker
   * answers within the query timeout (a closed one answers with where it ended). Never fails.
   */
  Mono<Optional<LeadView>> state(String workflowId);
}
