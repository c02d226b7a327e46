package com.inmo.workflows.call;

import com.inmo.workflows.activity.CallStarted;
import com.inmo.workflows.activity.CallStatusRequest;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.activity.VoiceActivities;
import com.inmo.workflows.lead.LeadWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/** See {@link CallWorkflow}. The report arrives once; a duplicate webhook changes nothing. */
public class CallWorkflowImpl implements CallWorkflow {

  /** Polls of the provider while a call is still going on after the report timeout. */
  static final int MAX_STATUS_POLLS = 3;
  private static final Logger log = Workflow.getLogger(CallWorkflowImpl.class);

  private final VoiceActivities voice = Workflow.newActivityStub(VoiceActivities.class, ActivityOptions.newBuilder()
      .setStartToCloseTimeout(Duration.ofSeconds(30))
      .setScheduleToCloseTimeout(Duration.ofMinutes(10))
      .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(2))
          .setMaximumInterval(Duration.ofMinutes(1)).build())
      .build());

  private CallReport report;
  private CallStatus status = CallStatus.IN_PROGRESS;

  @Override
  public CallOutcome call(CallRequest request) {
    String callId = Workflow.getInfo().getWorkflowId();
    if (request.businessHours() != null) {
      Instant now = now();
      Instant opening = request.businessHours().nextOpening(now);
      if (opening.isAfter(now)) {
        Workflow.sleep(Duration.between(now, opening));
      }
    }
    Instant started = now();
    try {
      CallStarted call = voice.startCall(new StartCallRequest(callId, request.leadWorkflowId(), request.leadId(),
          request.brokerSlug(), request.phone(), request.purpose(), request.effectiveIdempotencyKey(),
          request.personaName(), request.fields()));
      awaitReport(call, request.reportTimeout(), callId);
    } catch (ActivityFailure e) {
      report = failed(callId, "the provider could not start the call: " + reason(e));
    }
    status = report.status();
    CallOutcome outcome = new CallOutcome(callId, request.attempt(), report, started, now());
    try {
      Workflow.newExternalWorkflowStub(LeadWorkflow.class, request.leadWorkflowId()).callFinished(outcome);
    } catch (RuntimeException e) {
      log.warn("Lead {} did not take the outcome of {}: {}", request.leadWorkflowId(), callId, e.getMessage());
    }
    return outcome;
  }

  private void awaitReport(CallStarted call, Duration timeout, String callId) {
    for (int poll = 0; poll <= MAX_STATUS_POLLS; poll++) {
      if (Workflow.await(timeout, () -> report != null)) {
        return;
      }
      // the end-of-call webhook did not come: ask the provider, as the webhook would have told us
      CallReport polled = voice.callStatus(new CallStatusRequest(call.provider(), call.providerCallId(), callId));
      if (polled.status() != CallStatus.IN_PROGRESS && report == null) {
        report = polled;
        return;
      }
    }
    report = failed(callId, "no end-of-call report and the provider still reports the call in progress");
  }

  @Override
  public void report(CallReport incoming) {
    if (report == null && incoming != null && incoming.status() != CallStatus.IN_PROGRESS) {
      report = incoming;
    }
  }

  @Override
  public CallStatus status() {
    return status;
  }

  /**
   * What stopped the call, as the activity said it ({@code call cap reached: …}, {@code invalid phone number: …}):
   * an application failure's own message, without the SDK's {@code message='…', type='…'} dressing.
   */
  static String reason(ActivityFailure e) {
    Throwable cause = e.getCause();
    if (cause instanceof ApplicationFailure failure && failure.getOriginalMessage() != null) {
      return failure.getOriginalMessage();
    }
    return cause == null ? e.getMessage() : cause.getMessage();
  }

  private static CallReport failed(String callId, String reason) {
    return new CallReport(callId, null, null, CallStatus.FAILED, reason, 0, null, null, null, null);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
