package com.inmo.workflows.lead;

import com.inmo.workflows.call.CallFailures;
import com.inmo.workflows.call.CallOutcome;
import com.inmo.workflows.call.CallPurpose;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallRequest;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.call.CallWorkflow;
import com.inmo.workflows.activity.TaskKind;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Voice calls: each attempt is a child workflow that outlives a continue-as-new of this one (ABANDON) and
 * reports back by signal. No answer, busy or voicemail → another attempt after the broker's delay, within
 * the daily and total caps; when the day's attempts are spent, a message instead.
 */
final class LeadCalls {

  static final Duration REPORT_TIMEOUT = Duration.ofMinutes(15);

  private final LeadCore core;
  private final LeadState s;
  private final LeadTasks tasks;

  LeadCalls(LeadCore core) {
    this.core = core;
    this.s = core.s;
    this.tasks = core.tasks;
  }

  /**
   * The lead asked to be called: answers with the reply to send. A number the channel did not vouch for (typed
   * in a chat: anyone's number can be typed) is called only once the lead confirms it or a person calls it from
   * the dashboard; until then the inbox holds a task to approve the call.
   */
  String wanted(String reply) {
    if (!canCall() || s.nextCallAt != null) {
      return reply;
    }
    if (!core.config.voiceEnabled() && LeadChanges.applies(LeadChanges.VOICE_OFF_TASK)) {
      return handToPerson();
    }
    if (!LeadChanges.applies(LeadChanges.CALL_CONSENT) || s.phoneConfirmed) {
      schedule(core.now(), CallPurpose.INITIAL_QUALIFICATION);
      return reply;
    }
    s.callAwaitingConfirmation = true;
    if (!tasks.hasOpen(TaskKind.APPROVE_CALL)) {
      tasks.open(TaskKind.APPROVE_CALL, "Aprobar llamada a " + core.leadName(), "El lead pidió una llamada al "
          + s.fields.phone() + ", un número escrito en la conversación. Llámalo desde el lead si corresponde; "
          + "si el lead confirma su número, el agente IA llamará.");
    }
    return Texts.confirmNumber(s.fields.name(), s.fields.phone());
  }

  /** No calls are placed here (no voice provider): a person of the team calls, from a task in the inbox. */
  private String handToPerson() {
    s.callAwaitingConfirmation = false;
    if (!tasks.hasOpen(TaskKind.CALL_LEAD)) {
      tasks.open(TaskKind.CALL_LEAD, "Llamar a " + core.leadName(), "El lead pidió una llamada al "
          + s.fields.phone() + ". Las llamadas automáticas están desactivadas: llámalo tú.");
    }
    return Texts.callByPerson(s.fields.name(), s.fields.phone());
  }

  /**
   * The lead's answer after the AI asked to confirm the number: a yes schedules the call (and is answered here);
   * anything else lets the conversation move on (false: the agent answers it).
   */
  boolean answeredConfirmation(String text) {
    s.callAwaitingConfirmation = false;
    if (!Confirmations.isYes(text)) {
      tasks.close(TaskKind.APPROVE_CALL, "DISMISSED", "el lead no confirmó su número");
      return false;
    }
    s.phoneConfirmed = true;
    tasks.close(TaskKind.APPROVE_CALL, "DONE", "el lead confirmó su número");
    schedule(core.now(), CallPurpose.INITIAL_QUALIFICATION);
    core.queueAi(Texts.callConfirmed(s.fields.name()));
    return true;
  }

  boolean canCall() {
    return s.fields.phone() != null && !s.optedOut && !s.unreachable && s.activeCallId == null;
  }

  void schedule(Instant at, CallPurpose purpose) {
    if (s.fields.phone() == null || s.optedOut || s.callAttempts >= core.config.callsPerLeadTotal()) {
      return;
    }
    s.nextCallAt = at;
    s.nextCallPurpose = purpose;
  }

  /** Starts the next attempt; a human's request skips the business-hours wait. */
  void start(CallPurpose purpose, boolean askedByHuman) {
    int attempt = s.callAttempts + 1;
    // a later life of the lead numbers its calls anew: its ids and keys carry the life's tag
    String callId = LeadWorkflowIds.call(s.lifeKey(), attempt);
    String idempotencyKey = s.lifeTag == null ? null : s.leadId + "-" + s.lifeTag + "-" + attempt;
    CallRequest request = new CallRequest(s.workflowId, s.leadId, s.brokerSlug, s.fields.phone(), purpose.name(), attempt,
        core.config.persona().name(), s.fields, askedByHuman ? null : core.config.businessHours(), REPORT_TIMEOUT,
        idempotencyKey);
    CallWorkflow child = Workflow.newChildWorkflowStub(CallWorkflow.class, ChildWorkflowOptions.newBuilder()
        .setWorkflowId(callId)
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .build());
    Async.function(child::call, request);
    Workflow.getWorkflowExecution(child).get();
    s.callAttempts = attempt;
    s.callTimes.add(core.now());
    s.activeCallId = callId;
    s.nextCallAt = null;
    s.lastCallStatus = CallStatus.IN_PROGRESS.name();
  }

  void finished(CallOutcome outcome) {
    if (outcome.callWorkflowId().equals(s.activeCallId)) {
      s.activeCallId = null;
    }
    CallReport report = outcome.report();
    s.lastCallStatus = report.status().name();
    core.steps.attempt("record call", () -> core.steps.records.recordCall(new com.inmo.workflows.activity.CallRecord(
        s.leadId, s.workflowId, s.brokerSlug, outcome.attempt(), outcome.startedAt(), outcome.endedAt(), report)));
    if (report.status() == CallStatus.COMPLETED) {
      s.fields = s.fields.mergedWith(report.extracted());
      String note = "Llamada completada (" + report.durationSeconds() + " s)"
          + (report.summary() == null ? "" : ": " + report.summary());
      s.addTurn(new com.inmo.workflows.agent.ConversationTurn(Author.SYSTEM.name(), note, core.now()));
      core.recordSystemNote(note);
      core.rescoreAndAdvance();
      return;
    }
    core.recordSystemNote("Llamada sin contacto: " + report.status()
        + (report.endedReason() == null ? "" : " (" + report.endedReason() + ")"));
    if (report.status() == CallStatus.FAILED && CallFailures.voiceDisabled(report.endedReason())
        && LeadChanges.applies(LeadChanges.VOICE_OFF_TASK)) {
      // calling was turned off after this call was planned: a person calls instead
      handToPerson();
      return;
    }
    if (report.status() == CallStatus.FAILED && CallFailures.capReached(report.endedReason())
        && LeadChanges.applies(LeadChanges.CALL_CAP_FALLBACK)) {
      // the broker's or the lead's call budget is spent: write instead of calling
      core.queueAi(Texts.callFallback(s.fields.name()));
      return;
    }
    if (!report.status().retryable()) {
      return;
    }
    if (s.callAttempts >= core.config.callsPerLeadTotal()) {
      core.queueAi(Texts.callFallback(s.fields.name()));
    } else if (callsToday() >= core.config.callsPerLeadPerDay()) {
      core.queueAi(Texts.callFallback(s.fields.name()));
      schedule(startOfTomorrow(), s.nextCallPurpose == null ? CallPurpose.REACTIVATION : s.nextCallPurpose);
    } else {
      schedule(core.now().plus(core.config.callRetryDelay()), CallPurpose.REACTIVATION);
    }
  }

  private long callsToday() {
    ZoneId zone = core.config.businessHours().zone();
    LocalDate today = core.now().atZone(zone).toLocalDate();
    return s.callTimes.stream().filter(t -> t.atZone(zone).toLocalDate().equals(today)).count();
  }

  private Instant startOfTomorrow() {
    ZoneId zone = core.config.businessHours().zone();
    return core.now().atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
  }
}
