package com.inmo.api.leads;

import com.inmo.workflows.call.CallOutcome;
import com.inmo.workflows.lead.BookVisitRequest;
import com.inmo.workflows.lead.CallNowRequest;
import com.inmo.workflows.lead.CancelVisitRequest;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.HumanMessageRequest;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadOutcome;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.LeadWorkflow;
import com.inmo.workflows.lead.MoveStageRequest;
import com.inmo.workflows.lead.NextAction;
import com.inmo.workflows.lead.OptOutRequest;
import com.inmo.workflows.lead.QualificationFields;
import com.inmo.workflows.lead.ReleaseRequest;
import com.inmo.workflows.lead.RetryStepRequest;
import com.inmo.workflows.lead.TakeOverRequest;
import com.inmo.workflows.scoring.ScoreBreakdown;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/** A stand-in lead workflow that only answers the {@code state} query, for the detail view's {@code live}. */
public class FakeLeadWorkflow implements LeadWorkflow {

  private int inbound;

  @Override
  public LeadOutcome run(LeadStart start) {
    Workflow.await(() -> false);
    return null;
  }

  @Override
  public void inbound(InboundMessage message) {
    inbound++;
  }

  @Override
  public LeadView state() {
    String id = Workflow.getInfo().getWorkflowId();
    return new LeadView(id, null, "demo", Channel.IMPORT, LeadStage.PROFILING, ScoreBreakdown.ZERO,
        QualificationFields.EMPTY.withZone("Ñuñoa"), false, null, null, null, false, false, false, null,
        new NextAction("FOLLOW_UP", Instant.parse("2026-12-01T13:10:00Z")), inbound, 0, List.of(), null, 0, null,
        null, null, 0, null, null);
  }

  @Override
  public void callFinished(CallOutcome outcome) {
  }

  @Override
  public void optOut(OptOutRequest request) {
  }

  @Override
  public LeadView takeOver(TakeOverRequest request) {
    return state();
  }

  @Override
  public void validateTakeOver(TakeOverRequest request) {
  }

  @Override
  public LeadView release(ReleaseRequest request) {
    return state();
  }

  @Override
  public void validateRelease(ReleaseRequest request) {
  }

  @Override
  public LeadView sendHumanMessage(HumanMessageRequest request) {
    return state();
  }

  @Override
  public void validateSendHumanMessage(HumanMessageRequest request) {
  }

  @Override
  public LeadView moveStage(MoveStageRequest request) {
    return state();
  }

  @Override
  public void validateMoveStage(MoveStageRequest request) {
  }

  @Override
  public LeadView bookVisit(BookVisitRequest request) {
    return state();
  }

  @Override
  public void validateBookVisit(BookVisitRequest request) {
  }

  @Override
  public LeadView cancelVisit(CancelVisitRequest request) {
    return state();
  }

  @Override
  public void validateCancelVisit(CancelVisitRequest request) {
  }

  @Override
  public LeadView callNow(CallNowRequest request) {
    return state();
  }

  @Override
  public void validateCallNow(CallNowRequest request) {
  }

  @Override
  public LeadView retryFailedStep(RetryStepRequest request) {
    return state();
  }

  @Override
  public void validateRetryFailedStep(RetryStepRequest request) {
  }
}
