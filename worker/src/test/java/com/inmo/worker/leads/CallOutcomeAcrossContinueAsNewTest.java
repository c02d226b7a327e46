package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.call.CallOutcome;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallRequest;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.call.CallWorkflow;
import com.inmo.workflows.digest.DailyDigestWorkflowImpl;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.LeadWorkflowImpl;
import io.temporal.workflow.Workflow;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A call's outcome that arrives while the lead is about to continue as new is carried into the next run. */
class CallOutcomeAcrossContinueAsNewTest extends LeadWorkflowTestBase {

  /** A call that never reports by itself: the test signals its outcome at the moment it wants. */
  public static class SilentCallWorkflow implements CallWorkflow {
    @Override
    public CallOutcome call(CallRequest request) {
      Workflow.await(() -> false);
      return null;
    }

    @Override
    public void report(CallReport report) {
    }

    @Override
    public CallStatus status() {
      return CallStatus.IN_PROGRESS;
    }
  }

  @Override
  Class<?>[] workflowTypes() {
    return new Class<?>[] {LeadWorkflowImpl.class, SilentCallWorkflow.class, DailyDigestWorkflowImpl.class};
  }

  @Test
  void aCallOutcomeSignalledDuringTheStepBeforeContinueAsNewIsNotLost() throws Exception {
    historyLimit = 1; // every step ends with continue-as-new
    String id = webchatLead("carried");
    says(id, "Hola, soy Tomás Ruiz, mi teléfono es +56 9 8765 4321. Llámame por favor");
    say(id, "Sí");
    LeadView calling = await(id, v -> v.activeCallId() != null);

    // hold the next step in the middle of its work, and let the call's outcome arrive meanwhile
    CountDownLatch hold = new CountDownLatch(1);
    records.holdRecordMessage = hold;
    sayWithId(id, "m-during", "¿A qué hora me llaman?");
    assertThat(records.recordMessageHeld.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
    CallReport report = new CallReport(calling.activeCallId(), "scripted", "p-1", CallStatus.COMPLETED,
        "customer-ended-call", 42, null, "Conversamos sobre su búsqueda.", null, null);
    lead(id).callFinished(new CallOutcome(calling.activeCallId(), 1, report, now(), now()));
    records.holdRecordMessage = null;
    hold.countDown();

    LeadView after = await(id, v -> v.activeCallId() == null);
    assertThat(after.lastCallStatus()).isEqualTo("COMPLETED");
    assertThat(records.calls).containsKey(calling.activeCallId());
  }
}
