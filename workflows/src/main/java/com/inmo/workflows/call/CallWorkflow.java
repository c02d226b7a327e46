package com.inmo.workflows.call;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One voice call attempt, a child of the lead's workflow: waits for business hours, starts the call with an
 * idempotency key, awaits the provider's end-of-call report (signalled by the api's voice webhook) and, if
 * it never comes, asks the provider. It reports its outcome to the lead's workflow by signal.
 */
@WorkflowInterface
public interface CallWorkflow {

  @WorkflowMethod
  CallOutcome call(CallRequest request);

  @SignalMethod
  void report(CallReport report);

  @QueryMethod
  CallStatus status();
}
