package com.inmo.api.gateway;

import com.inmo.workflows.lead.BookVisitRequest;
import com.inmo.workflows.lead.CallNowRequest;
import com.inmo.workflows.lead.CancelVisitRequest;
import com.inmo.workflows.lead.HumanMessageRequest;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.LeadWorkflow;
import com.inmo.workflows.lead.MoveStageRequest;
import com.inmo.workflows.lead.ReleaseRequest;
import com.inmo.workflows.lead.RetryStepRequest;
import com.inmo.workflows.lead.TakeOverRequest;
import java.util.function.Function;

/**
 * One of the lead workflow's updates with its request: {@code name} is the update's (the workflow method's),
 * {@code call} sends it on a typed stub. A new update of the workflow is one more factory here.
 */
public record LeadUpdate(String name, Object request, Function<LeadWorkflow, LeadView> call) {

  public static LeadUpdate takeOver(TakeOverRequest r) {
    return new LeadUpdate("takeOver", r, wf -> wf.takeOver(r));
  }

  public static LeadUpdate release(ReleaseRequest r) {
    return new LeadUpdate("release", r, wf -> wf.release(r));
  }

  public static LeadUpdate sendHumanMessage(HumanMessageRequest r) {
    return new LeadUpdate("sendHumanMessage", r, wf -> wf.sendHumanMessage(r));
  }

  public static LeadUpdate moveStage(MoveStageRequest r) {
    return new LeadUpdate("moveStage", r, wf -> wf.moveStage(r));
  }

  public static LeadUpdate bookVisit(BookVisitRequest r) {
    return new LeadUpdate("bookVisit", r, wf -> wf.bookVisit(r));
  }

  public static LeadUpdate cancelVisit(CancelVisitRequest r) {
    return new LeadUpdate("cancelVisit", r, wf -> wf.cancelVisit(r));
  }

  public static LeadUpdate callNow(CallNowRequest r) {
    return new LeadUpdate("callNow", r, wf -> wf.callNow(r));
  }

  public static LeadUpdate retryFailedStep(RetryStepRequest r) {
    return new LeadUpdate("retryFailedStep", r, wf -> wf.retryFailedStep(r));
  }
}
