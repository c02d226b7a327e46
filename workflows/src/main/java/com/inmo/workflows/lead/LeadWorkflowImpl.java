package com.inmo.workflows.lead;

import com.inmo.workflows.activity.BookingResult;
import com.inmo.workflows.activity.BrokerConfigRequest;
import com.inmo.workflows.agent.AgentPersona;
import com.inmo.workflows.broker.BrokerConfig;
import com.inmo.workflows.broker.BusinessHours;
import com.inmo.workflows.call.CallOutcome;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The lead's lifecycle. One loop owns the work: it sleeps until a message, a call result or the next timer,
 * then (under a lock shared with the update handlers) answers messages, runs due timers, sends what is due
 * and brings the read model up to date. Continue-as-new carries everything forward.
 */
public class LeadWorkflowImpl implements LeadWorkflow {

  static final Duration CLOSED_LEAD_KEPT = Duration.ofDays(30);
  private static final Logger log = Workflow.getLogger(LeadWorkflowImpl.class);
  private static final Set<LeadStage> NEED_REASON = Set.of(LeadStage.WON, LeadStage.LOST);

  private final LeadState s;
  private final LeadCore core;
  private final LeadVisits visits;
  private final LeadCalls calls;
  private final LeadConversation conversation;
  private final WorkflowLock lock = Workflow.newWorkflowLock();
  private final List<CallOutcome> callResults = new ArrayList<>();
  private final Integer historyLimit;
  private boolean wake;

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
      }
    }
    this.core = new LeadCore(s, fallbackConfig(start.brokerSlug()));
    this.visits = new LeadVisits(core);
    this.calls = new LeadCalls(core);
    this.conversation = new LeadConversation(core, visits, calls);
  }

  @Override
  public LeadOutcome run(LeadStart start) {
    while (true) {
      lock.lock();
      try {
        step();
      } finally {
        lock.unlock();
      }
      if (s.closedAt != null && !s.optedOut && quietFor(CLOSED_LEAD_KEPT) && s.activeCallId == null) {
        return new LeadOutcome(s.stage, s.closeReason);
      }
      if (timeToContinueAsNew()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(new LeadStart(s.brokerSlug, s.channel, s.channelRef, s.source, null, s, historyLimit));
      }
      sleepUntilSomethingToDo();
    }
  }

  private void step() {
    wake = false;
    refreshConfig();
    // the lead's row first: its messages and stage moves refer to it
    core.saveIfChanged();
    while (!callResults.isEmpty()) {
      calls.finished(callResults.remove(0));
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

  private void sleepUntilSomethingToDo() {
    NextAction next = LeadTimers.next(s, core.config);
    if (s.closedAt != null && !s.optedOut) {
      Instant end = s.closedAt.plus(CLOSED_LEAD_KEPT);
      next = next == null || end.isBefore(next.at()) ? new NextAction("END", end) : next;
    }
    if (next == null) {
      Workflow.await(this::hasWork);
    } else {
      Duration wait = Duration.between(core.now(), next.at());
      if (!wait.isNegative() && !wait.isZero()) {
        Workflow.await(wait, this::hasWork);
      }
    }
  }

  private boolean hasWork() {
    return wake || !callResults.isEmpty() || (s.failed == null && !s.inbox.isEmpty());
  }

  private void runDue(NextAction due) {
    switch (due.kind()) {
      case "SEND_REPLY" -> { } // flushOutbox sends it
      case "FOLLOW_UP" -> {
        core.queueAi(Texts.followUp(s.followUpsSent, core.config.persona().name(), s.fields.name()));
        s.followUpsSent++;
      }
      case "CLOSE_NO_RESPONSE" -> {
        core.queueAi(Texts.closingNoResponse(core.config.persona().name()));
        s.followUpsSent++;
        core.move(LeadStage.LOST, "no response", "ai");
      }
      case "VISIT_REMINDER_24H", "VISIT_REMINDER_1H", "POST_VISIT" -> visits.runDue(due.kind());
      case "HUMAN_REMINDER" -> {
        s.humanEscalation = 1;
        core.steps.notifyQuietly("HUMAN_REMINDER", "Un lead espera respuesta humana hace 15 minutos: " + leadName());
      }
      case "ADMIN_ALERT" -> {
        s.humanEscalation = 2;
        core.steps.notifyQuietly("ADMIN_ALERT", "Un lead espera respuesta humana hace 30 minutos: " + leadName());
      }
      case "RETURN_TO_AI" -> {
        core.leaveHumanMode();
        core.recordSystemNote("Sin respuesta humana en 60 minutos: la conversación vuelve al agente IA");
        core.queueAi(Texts.backToAi(core.config.persona().name()));
      }
      case "CALL" -> {
        if (calls.canCall()) {
          calls.start(s.nextCallPurpose == null ? "INITIAL_QUALIFICATION" : s.nextCallPurpose, false);
        } else {
          s.nextCallAt = null;
        }
      }
      default -> log.warn("Unknown timer {} ignored", due.kind());
    }
  }

  // --- signals -------------------------------------------------------------------------------------

  @Override
  public void inbound(InboundMessage message) {
    if (s.remember(message.messageId())) {
      s.inbox.add(new WaitingInbound(message, false));
    }
  }

  @Override
  public void callFinished(CallOutcome outcome) {
    callResults.add(outcome);
  }

  @Override
  public void optOut(OptOutRequest request) {
    markOptedOut(core, request.by(), request.reason());
    wake = true;
  }

  static void markOptedOut(LeadCore core, String by, String reason) {
    LeadState s = core.s;
    if (s.optedOut) {
      return;
    }
    s.optedOut = true;
    s.outbox.clear();
    s.nextCallAt = null;
    s.silenceSince = null;
    if (!s.stage.isClosed()) {
      core.move(LeadStage.LOST, "opt-out: " + (reason == null ? "sin motivo" : reason), by == null ? "lead" : by);
    }
    s.score = core.score();
  }

  // --- updates ------------------------------------------------------------------------------------

  @Override
  public void validateTakeOver(TakeOverRequest r) {
    require(r.userId() != null && !r.userId().isBlank(), "userId is required");
    require(!s.humanMode || r.userId().equals(s.humanUserId) || s.humanUserId == null,
        "the lead is already taken over by another agent");
  }

  @Override
  public LeadView takeOver(TakeOverRequest r) {
    return locked(() -> {
      if (!s.humanMode) {
        core.enterHumanMode(r.userId(), "Un agente tomó la conversación: " + leadName());
        core.recordSystemNote((r.userName() == null ? "Un agente" : r.userName()) + " tomó la conversación");
      }
      s.humanUserId = r.userId();
    });
  }

  @Override
  public void validateRelease(ReleaseRequest r) {
    require(s.humanMode, "the lead is not in human mode");
  }

  @Override
  public LeadView release(ReleaseRequest r) {
    return locked(() -> {
      core.leaveHumanMode();
      core.recordSystemNote("Conversación devuelta al agente IA" + (r.note() == null || r.note().isBlank() ? ""
          : ". Nota: " + r.note()));
      if (!s.stage.isClosed()) {
        s.silenceSince = core.now();
      }
    });
  }

  @Override
  public void validateSendHumanMessage(HumanMessageRequest r) {
    require(r.userId() != null && !r.userId().isBlank(), "userId is required");
    require(r.text() != null && !r.text().isBlank(), "text must not be empty");
    require(r.text().length() <= 4_000, "text must be at most 4000 characters");
    require(!s.optedOut, "the lead opted out: nothing may be sent to it");
    require(!s.unreachable, "the lead cannot be reached on its channel");
  }

  @Override
  public LeadView sendHumanMessage(HumanMessageRequest r) {
    return locked(() -> {
      if (!s.humanMode) {
        core.enterHumanMode(r.userId(), "Un agente escribió al lead: " + leadName());
      }
      s.humanUserId = r.userId();
      core.queueNow(r.text(), "HUMAN", r.userId());
      core.flushOutbox();
      s.humanWaitingSince = null;
      s.humanEscalation = 0;
    });
  }

  @Override
  public void validateMoveStage(MoveStageRequest r) {
    require(r.stage() != null, "stage is required");
    require(r.stage() != s.stage, "the lead is already in " + s.stage);
    require(!NEED_REASON.contains(r.stage()) || (r.reason() != null && !r.reason().isBlank()),
        "moving to " + r.stage() + " needs a reason");
  }

  @Override
  public LeadView moveStage(MoveStageRequest r) {
    return locked(() -> core.move(r.stage(), r.reason() == null || r.reason().isBlank() ? "moved by a human"
        : r.reason(), r.userId() == null ? "human" : r.userId()));
  }

  @Override
  public void validateBookVisit(BookVisitRequest r) {
    require(r.slotStart() != null, "slotStart is required");
    require(r.slotStart().isAfter(core.now()), "the slot has already passed");
    require(s.appointment == null || !s.appointment.booked(), "the lead already has a visit booked; cancel it first");
    require(!s.optedOut, "the lead opted out");
  }

  @Override
  public LeadView bookVisit(BookVisitRequest r) {
    return locked(() -> {
      if (!s.offeredSlots.contains(r.slotStart())) {
        List<Instant> free = visits.freeSlots(100, 14);
        if (free == null) {
          throw ApplicationFailure.newFailure("the calendar could not be reached", "CalendarUnavailable");
        }
        if (!free.contains(r.slotStart())) {
          throw ApplicationFailure.newNonRetryableFailure("the slot is not offered by the calendar", "SlotNotOffered");
        }
      }
      BookingResult booking = visits.book(r.slotStart(), r.userId());
      if (booking == null) {
        throw ApplicationFailure.newFailure("the calendar could not be reached", "CalendarUnavailable");
      }
      if (!booking.booked()) {
        throw ApplicationFailure.newNonRetryableFailure("the slot is " + booking.reason(), "SlotTaken");
      }
      core.queueNow(Texts.visitBooked(booking.slotStart(), core.config.businessHours().zone()), "AI", null);
      core.flushOutbox();
    });
  }

  @Override
  public void validateCancelVisit(CancelVisitRequest r) {
    require(s.appointment != null && s.appointment.booked(), "the lead has no booked visit");
    require(r.appointmentId() == null || r.appointmentId().equals(s.appointment.id()), "no such appointment");
  }

  @Override
  public LeadView cancelVisit(CancelVisitRequest r) {
    return locked(() -> {
      Instant start = s.appointment.start();
      if (!visits.cancel(r.reason() == null ? "cancelled" : r.reason())) {
        throw ApplicationFailure.newFailure("the calendar could not be reached", "CalendarUnavailable");
      }
      core.queueNow(Texts.visitCancelled(start, core.config.businessHours().zone()), "AI", null);
      core.flushOutbox();
    });
  }

  @Override
  public void validateCallNow(CallNowRequest r) {
    require(s.fields.phone() != null, "the lead has no phone number");
    require(!s.optedOut, "the lead opted out");
    require(s.activeCallId == null, "a call is already in progress");
    require(s.callAttempts < core.config.callsPerLeadTotal(), "the lead's call cap is reached");
  }

  @Override
  public LeadView callNow(CallNowRequest r) {
    return locked(() -> calls.start(s.stage == LeadStage.SCHEDULED ? "VISIT_CONFIRMATION"
        : "INITIAL_QUALIFICATION", true));
  }

  @Override
  public void validateRetryFailedStep(RetryStepRequest r) {
    require(s.failed != null, "no step has failed");
  }

  @Override
  public LeadView retryFailedStep(RetryStepRequest r) {
    return locked(() -> {
      log.info("Retrying step '{}' of {} at {}'s request", s.failed.step(), s.workflowId, r.userId());
      s.failed = null;
      wake = true;
    });
  }

  @Override
  public LeadView state() {
    return core.view();
  }

  // --- helpers ------------------------------------------------------------------------------------

  private LeadView locked(Runnable change) {
    lock.lock();
    try {
      change.run();
      core.saveIfChanged();
      return core.view();
    } finally {
      wake = true;
      lock.unlock();
    }
  }

  private void refreshConfig() {
    BrokerConfig fresh = core.steps.attempt("read broker settings",
        () -> core.steps.records.brokerConfig(new BrokerConfigRequest(s.brokerSlug)));
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

  private String leadName() {
    return s.fields.name() == null ? s.workflowId : s.fields.name();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Used only until the first read of the broker's settings succeeds. */
  private static BrokerConfig fallbackConfig(String slug) {
    return new BrokerConfig(null, slug, new AgentPersona("Sofía", "cercano y profesional", slug, List.of(), "es"),
        BusinessHours.standard(BusinessHours.DEFAULT_TIME_ZONE), null, null, 0, 0, null, null);
  }
}
