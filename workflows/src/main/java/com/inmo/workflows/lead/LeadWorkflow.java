package com.inmo.workflows.lead;

import com.inmo.workflows.call.CallOutcome;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One lead's whole life, for weeks: conversation, qualification, calls, visit, follow-ups, human mode.
 * Started by signal-with-start on its deterministic id ({@link LeadWorkflowIds}) so the first message
 * creates it. Updates answer with the lead's state after the change, or are rejected with the reason.
 */
@WorkflowInterface
public interface LeadWorkflow {

  String TASK_QUEUE = "inmo-leads";

  @WorkflowMethod
  LeadOutcome run(LeadStart start);

  /** A message from the lead; the same channel message id twice is one message. */
  @SignalMethod
  void inbound(InboundMessage message);

  /** A voice call of this lead ended (sent by its call workflow). */
  @SignalMethod
  void callFinished(CallOutcome outcome);

  /** The lead asked never to be contacted again (or an operator recorded it). */
  @SignalMethod
  void optOut(OptOutRequest request);

  @UpdateMethod
  LeadView takeOver(TakeOverRequest request);

  @UpdateValidatorMethod(updateName = "takeOver")
  void validateTakeOver(TakeOverRequest request);

  @UpdateMethod
  LeadView release(ReleaseRequest request);

  @UpdateValidatorMethod(updateName = "release")
  void validateRelease(ReleaseRequest request);

  @UpdateMethod
  LeadView sendHumanMessage(HumanMessageRequest request);

  @UpdateValidatorMethod(updateName = "sendHumanMessage")
  void validateSendHumanMessage(HumanMessageRequest request);

  @UpdateMethod
  LeadView moveStage(MoveStageRequest request);

  @UpdateValidatorMethod(updateName = "moveStage")
  void validateMoveStage(MoveStageRequest request);

  @UpdateMethod
  LeadView bookVisit(BookVisitRequest request);

  @UpdateValidatorMethod(updateName = "bookVisit")
  void validateBookVisit(BookVisitRequest request);

  @UpdateMethod
  LeadView cancelVisit(CancelVisitRequest request);

  @UpdateValidatorMethod(updateName = "cancelVisit")
  void validateCancelVisit(CancelVisitRequest request);

  @UpdateMethod
  LeadView callNow(CallNowRequest request);

  @UpdateValidatorMethod(updateName = "callNow")
  void validateCallNow(CallNowRequest request);

  @UpdateMethod
  LeadView retryFailedStep(RetryStepRequest request);

  @UpdateValidatorMethod(updateName = "retryFailedStep")
  void validateRetryFailedStep(RetryStepRequest request);

  @QueryMethod
  LeadView state();
}
