package com.inmo.workflows.lead;

import com.inmo.workflows.agent.AgentPersona;
import com.inmo.workflows.broker.BrokerConfig;
import com.inmo.workflows.broker.BusinessHours;
import com.inmo.workflows.call.CallOutcome;
import com.inmo.workflows.call.CallPurpose;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;

/**
 * The lead's lifecycle. One loop owns the work: it sleeps until a message, a call result or the next timer,
 * then (under a lock shared with the update handlers) answers messages, runs due timers, sends what is due
 * and brings the read model up to date. Continue-as-new carries everything forward. A lead whose step needs
 * attention rests: it records what the lead writes and does nothing else until an operator retries.
 */
public class LeadWorkflowImpl implements LeadWorkflow {

  static final Duration CLOSED_LEAD_KEPT = Duration.ofDays(30);
  private static final Logger log = Workflow.getLogger(LeadWorkflowImpl.class);

  private final LeadState s;
  private final LeadCore core;
  private final LeadVisits visits;
  private final LeadCalls calls;
  private final LeadConversation conversation;
  private final LeadRequests requests;
  private final LeadLives lives;
  private final WorkflowLock lock = Workflow.newWorkflowLock();
  private final Integer historyLimit;
  private boolean wake;
  /** Messages received by this run, and how many of them the last step had seen: a resting lead wakes on more. */
  private int received;
  private int seenByStep;

  @WorkflowInit
  public LeadWorkflowImpl(LeadStart start) {
    this.historyLimit = start.historyLimit();
    if (start.carried() != null) {
      this.s = start.carried();
    } else {
      this.s = new LeadState();
      s.workflowId = Workflow.getInfo().getWorkflowId();
      s.leadId = LeadWorkflowIds.leadId(s.workflowId);
      s.brokerSlug = start.brokerSlug();
      s.channel = start.channel();
      s.channelRef = start.channelRef();
      s.source = start.source();
      if (start.knownFields() != null) {
        s.fields = start.knownFields();
        // a number the broker gave (a file it imported, a lead a person typed in) may be called
        s.phoneConfirmed = s.fields.phone() != null;
      }
    }
    this.core = new LeadCore(s, fallbackConfig(start.brokerSlug()));
    this.visits = new LeadVisits(core);
    this.calls = new LeadCalls(core);
    this.conversation = new LeadConversation(core, visits, calls);
    this.requests = new LeadRequests(core, visits, calls);
    this.lives = new LeadLives(core);
  }

  @Override
  public LeadOutcome run(LeadStart start) {
    if (start.carried() == null && LeadChanges.applies(LeadChanges.LEAD_LIVES)) {
      lives.begin();
    }
    while (true) {
      lock.lock();
      try {
        step();
      } finally {
        lock.unlock();
      }
      if (s.closedAt != null && !s.optedOut && quietFor(CLOSED_LEAD_KEPT) && s.activeCallId == null
          && s.callResults.isEmpty()) {
        return new LeadOutcome(s.stage, s.closeReason);
      }
      if (timeToContinueAsNew()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (s.inbox.size() > LeadState.MAX_WAITING && LeadChanges.applies(LeadChanges.INBOX_BOUNDED)) {
          InboxLimits.compact(s);
        }
        Workflow.continueAsNew(new LeadStart(s.brokerSlug, s.channel, s.channelRef, s.source, null, s, historyLimit));
      }
      sleepUntilSomethingToDo();
    }
  }

  private void step() {
    wake = false;
    seenByStep = received;
    if (s.inbox.size() > LeadState.MAX_WAITING && LeadChanges.applies(LeadChanges.INBOX_BOUNDED)) {
      InboxLimits.compact(s);
    }
    if (resting()) {
      conversation.recordWhileResting();
      return;
    }
    if (!s.opened && !lives.open()) {
      return;
    }
    refreshConfig();
    // the lead's row first: its messages and stage moves refer to it
    core.saveIfChanged();
    while (!s.callResults.isEmpty()) {
      calls.finished(s.callResults.remove(0));
    }
    conversation.processInbox();
    for (NextAction due : LeadTimers.due(s, core.config, core.now())) {
      if (s.failed == null) {
        runDue(due);
      }
    }
    core.flushOutbox();
    core.saveIfChanged();
  }

  /** A lead whose step gave up does nothing of its own (no timers, no activity) until it is retried. */
  private boolean resting() {
    return s.failed != null && LeadChanges.applies(LeadChanges.FAILED_LEAD_RESTS);
  }

  private void sleepUntilSomethingToDo() {
    if (resting()) {
      Workflow.await(() -> wake || received > seenByStep);
      return;
    }
    NextAction next = LeadTimers.next(s, core.config);
    Instant wakeAt = next == null ? null : next.at();
    if (s.closedAt != null && !s.optedOut) {
      // a closed lead's run ends once it has been quiet long enough
      Instant end = s.closedAt.plus(CLOSED_LEAD_KEPT);
      wakeAt = wakeAt == null || end.isBefore(wakeAt) ? end : wakeAt;
    }
    if (wakeAt == null) {
      Workflow.await(this::hasWork);
    } else {
      Duration wait = Duration.between(core.now(), wakeAt);
      if (!wait.isNegative() && !wait.isZero()) {
        Workflow.await(wait, this::hasWork);
      }
    }
  }

  private boolean hasWork() {
    return wake || !s.callResults.isEmpty() || (s.failed == null && !s.inbox.isEmpty());
  }

  private void runDue(NextAction due) {
    switch (due.kind()) {
      case SEND_REPLY -> { } // flushOutbox sends it
      case FOLLOW_UP -> {
        core.queueAi(Texts.followUp(s.followUpsSent, core.config.persona().name(), s.fields.name()));
        s.followUpsSent++;
      }
      case CLOSE_NO_RESPONSE -> {
        core.queueAi(Texts.closingNoResponse(core.config.persona().name()));
        s.followUpsSent++;
        core.move(LeadStage.LOST, "no response", "ai");
      }
      case VISIT_REMINDER_24H, VISIT_REMINDER_1H, POST_VISIT -> visits.runDue(due.kind());
      case HUMAN_REMINDER -> {
        s.humanEscalation = 1;
        core.steps.notifyQuietly("HUMAN_REMINDER", Texts.waitingForAPerson(15, core.leadName()));
      }
      case ADMIN_ALERT -> {
        s.humanEscalation = 2;
        core.steps.notifyQuietly("ADMIN_ALERT", Texts.waitingForAPerson(30, core.leadName()));
      }
      case RETURN_TO_AI -> {
        core.leaveHumanMode();
        core.recordSystemNote(Texts.backToAiNote());
        core.queueAi(Texts.backToAi(core.config.persona().name()));
      }
      case CALL -> {
        if (calls.canCall()) {
          calls.start(s.nextCallPurpose == null ? CallPurpose.INITIAL_QUALIFICATION : s.nextCallPurpose, false);
        } else {
          s.nextCallAt = null;
        }
      }
    }
  }

  // --- signals -------------------------------------------------------------------------------------

  @Override
  public void inbound(InboundMessage message) {
    if (s.remember(message.messageId())) {
      InboxLimits.add(s, message);
      received++;
    }
  }

  @Override
  public void callFinished(CallOutcome outcome) {
    s.callResults.add(outcome);
  }

  @Override
  public void optOut(OptOutRequest request) {
    if (LeadChanges.applies(LeadChanges.UPDATES_RECHECKED)) {
      // under the lock, like every change: the loop may be in the middle of an answer
      locked(() -> { }, () -> visits.optOut(request.by(), request.reason()));
    } else {
      visits.optOut(request.by(), request.reason());
      wake = true;
    }
  }

  // --- updates: checked by the validator, checked again under the lock, then applied ------------------

  @Override
  public void validateTakeOver(TakeOverRequest r) {
    requests.checkTakeOver(r);
  }

  @Override
  public LeadView takeOver(TakeOverRequest r) {
    return locked(() -> requests.checkTakeOver(r), () -> requests.takeOver(r));
  }

  @Override
  public void validateRelease(ReleaseRequest r) {
    requests.checkRelease(r);
  }

  @Override
  public LeadView release(ReleaseRequest r) {
    return locked(() -> requests.checkRelease(r), () -> requests.release(r));
  }

  @Override
  public void validateSendHumanMessage(HumanMessageRequest r) {
    requests.checkHumanMessage(r);
  }

  @Override
  public LeadView sendHumanMessage(HumanMessageRequest r) {
    return locked(() -> requests.checkHumanMessage(r), () -> requests.sendHumanMessage(r));
  }

  @Override
  public void validateMoveStage(MoveStageRequest r) {
    requests.checkMoveStage(r);
  }

  @Override
  public LeadView moveStage(MoveStageRequest r) {
    return locked(() -> requests.checkMoveStage(r), () -> requests.moveStage(r));
  }

  @Override
  public void validateBookVisit(BookVisitRequest r) {
    requests.checkBookVisit(r);
  }

  @Override
  public LeadView bookVisit(BookVisitRequest r) {
    return locked(() -> requests.checkBookVisit(r), () -> requests.bookVisit(r));
  }

  @Override
  public void validateCancelVisit(CancelVisitRequest r) {
    requests.checkCancelVisit(r);
  }

  @Override
  public LeadView cancelVisit(CancelVisitRequest r) {
    return locked(() -> requests.checkCancelVisit(r), () -> requests.cancelVisit(r));
  }

  @Override
  public void validateCallNow(CallNowRequest r) {
    requests.checkCallNow(r);
  }

  @Override
  public LeadView callNow(CallNowRequest r) {
    return locked(() -> requests.checkCallNow(r), () -> requests.callNow(r));
  }

  @Override
  public void validateRetryFailedStep(RetryStepRequest r) {
    requests.checkRetry(r);
  }

  @Override
  public LeadView retryFailedStep(RetryStepRequest r) {
    return locked(() -> requests.checkRetry(r), () -> {
      log.info("Retrying step '{}' of {} at {}'s request", s.failed.step(), s.workflowId, r.userId());
      s.failed = null;
    });
  }

  @Override
  public LeadView state() {
    return core.view();
  }

  // --- helpers ------------------------------------------------------------------------------------

  /**
   * Applies a change under the lock. Its check runs again first: the state may have changed since the validator
   * accepted the request (another update was applied in between). A check that fails now refuses the update.
   */
  private LeadView locked(Runnable recheck, Runnable change) {
    lock.lock();
    try {
      if (LeadChanges.applies(LeadChanges.UPDATES_RECHECKED)) {
        try {
          recheck.run();
        } catch (IllegalArgumentException e) {
          throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "RequestRefused");
        }
      }
      change.run();
      core.saveIfChanged();
      return core.view();
    } finally {
      wake = true;
      lock.unlock();
    }
  }

  private void refreshConfig() {
    BrokerConfig fresh = core.steps.brokerSettings(s.brokerSlug);
    if (fresh != null) {
      core.config = fresh;
    }
  }

  private boolean quietFor(Duration d) {
    Instant last = s.lastInboundAt == null || s.lastInboundAt.isBefore(s.closedAt) ? s.closedAt : s.lastInboundAt;
    return !core.now().isBefore(last.plus(d)) && s.inbox.isEmpty() && s.outbox.isEmpty();
  }

  private boolean timeToContinueAsNew() {
    return Workflow.getInfo().isContinueAsNewSuggested()
        || (historyLimit != null && Workflow.getInfo().getHistoryLength() > historyLimit);
  }

  /** Used only until the first read of the broker's settings succeeds. */
  private static BrokerConfig fallbackConfig(String slug) {
    return new BrokerConfig(null, slug, new AgentPersona("Sofía", "cercano y profesional", slug, List.of(), "es"),
        BusinessHours.standard(BusinessHours.DEFAULT_TIME_ZONE), null, null, 0, 0, null, null);
  }
}
