package com.inmo.workflows.lead;

import com.inmo.workflows.activity.BookingResult;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a human asks of a lead from the dashboard (the workflow's updates). Each request has a check, run by the
 * update's validator (a refused request leaves no trace in the history) and again under the workflow's lock
 * before it is applied: two requests validated at once (two bookings, two calls) must not both be applied
 * against the state the first one changed.
 */
final class LeadRequests {

  private static final Set<LeadStage> NEED_REASON = Set.of(LeadStage.WON, LeadStage.LOST);

  private final LeadCore core;
  private final LeadState s;
  private final LeadVisits visits;
  private final LeadCalls calls;

  LeadRequests(LeadCore core, LeadVisits visits, LeadCalls calls) {
    this.core = core;
    this.s = core.s;
    this.visits = visits;
    this.calls = calls;
  }

  /**
   * Whether a request with this idempotency key was applied already: then it is answered with the lead's state,
   * not applied again. Keys are remembered with the channel's message ids, so they survive continue-as-new.
   */
  private boolean alreadyApplied(String kind, String requestId) {
    return keyed(requestId) && LeadChanges.applies(LeadChanges.IDEMPOTENT_REQUESTS) && seen(kind, requestId);
  }

  private void applied(String kind, String requestId) {
    if (keyed(requestId) && LeadChanges.applies(LeadChanges.IDEMPOTENT_REQUESTS)) {
      s.remember(requestKey(kind, requestId));
    }
  }

  private boolean seen(String kind, String requestId) {
    return keyed(requestId) && s.seenMessageIds.contains(requestKey(kind, requestId));
  }

  private static boolean keyed(String requestId) {
    return requestId != null && !requestId.isBlank();
  }

  private static String requestKey(String kind, String requestId) {
    return "request:" + kind + ":" + requestId;
  }

  // --- checks --------------------------------------------------------------------------------------

  void checkTakeOver(TakeOverRequest r) {
    require(r.userId() != null && !r.userId().isBlank(), "userId is required");
    require(!s.humanMode || r.userId().equals(s.humanUserId) || s.humanUserId == null,
        "the lead is already taken over by another agent");
  }

  void checkRelease(ReleaseRequest r) {
    require(s.humanMode, "the lead is not in human mode");
  }

  void checkHumanMessage(HumanMessageRequest r) {
    require(r.userId() != null && !r.userId().isBlank(), "userId is required");
    require(r.text() != null && !r.text().isBlank(), "text must not be empty");
    require(r.text().length() <= 4_000, "text must be at most 4000 characters");
    if (seen("message", r.requestId())) {
      return; // a retry of a message already sent: answered with the lead's state
    }
    require(!s.optedOut, "the lead opted out: nothing may be sent to it");
    require(!s.unreachable, "the lead cannot be reached on its channel");
  }

  void checkMoveStage(MoveStageRequest r) {
    require(r.stage() != null, "stage is required");
    require(r.stage() != s.stage, "the lead is already in " + s.stage);
    require(!NEED_REASON.contains(r.stage()) || (r.reason() != null && !r.reason().isBlank()),
        "moving to " + r.stage() + " needs a reason");
    require(r.stage() != LeadStage.LOST || !visits.booked(), "the lead has a booked visit: cancel it first");
  }

  void checkBookVisit(BookVisitRequest r) {
    require(r.slotStart() != null, "slotStart is required");
    if (seen("visit", r.requestId())) {
      return;
    }
    require(r.slotStart().isAfter(core.now()), "the slot has already passed");
    require(!visits.booked(), "the lead already has a visit booked; cancel it first");
    require(!s.optedOut, "the lead opted out");
  }

  void checkCancelVisit(CancelVisitRequest r) {
    require(visits.booked(), "the lead has no booked visit");
    require(r.appointmentId() == null || r.appointmentId().equals(s.appointment.id()), "no such appointment");
  }

  void checkCallNow(CallNowRequest r) {
    if (seen("call", r.requestId())) {
      return;
    }
    require(core.config.voiceEnabled(), "calling is off here: no voice provider is configured");
    require(s.fields.phone() != null, "the lead has no phone number");
    require(!s.optedOut, "the lead opted out");
    require(s.activeCallId == null, "a call is already in progress");
    require(s.callAttempts < core.config.callsPerLeadTotal(), "the lead's call cap is reached");
  }

  void checkRetry(RetryStepRequest r) {
    require(s.failed != null, "no step has failed");
  }

  // --- changes -------------------------------------------------------------------------------------

  void takeOver(TakeOverRequest r) {
    if (!s.humanMode) {
      core.enterHumanMode(r.userId(), "Un agente tomó la conversación: " + core.leadName());
      core.recordSystemNote((r.userName() == null ? "Un agente" : r.userName()) + " tomó la conversación");
    }
    s.humanUserId = r.userId();
  }

  void release(ReleaseRequest r) {
    core.leaveHumanMode();
    core.recordSystemNote("Conversación devuelta al agente IA" + (r.note() == null || r.note().isBlank() ? ""
        : ". Nota: " + r.note()));
    if (!s.stage.isClosed()) {
      s.silenceSince = core.now();
    }
  }

  void sendHumanMessage(HumanMessageRequest r) {
    if (alreadyApplied("message", r.requestId())) {
      return;
    }
    if (!s.humanMode) {
      core.enterHumanMode(r.userId(), "Un agente escribió al lead: " + core.leadName());
    }
    s.humanUserId = r.userId();
    core.queueNow(r.text(), Author.HUMAN, r.userId());
    applied("message", r.requestId());
    core.flushOutbox();
    s.humanWaitingSince = null;
    s.humanEscalation = 0;
  }

  void moveStage(MoveStageRequest r) {
    core.move(r.stage(), r.reason() == null || r.reason().isBlank() ? "moved by a human" : r.reason(),
        r.userId() == null ? "human" : r.userId());
  }

  void bookVisit(BookVisitRequest r) {
    if (alreadyApplied("visit", r.requestId())) {
      return;
    }
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
    applied("visit", r.requestId());
    core.queueNow(Texts.visitBooked(booking.slotStart(), core.config.businessHours().zone()), Author.AI, null);
    core.flushOutbox();
  }

  void cancelVisit(CancelVisitRequest r) {
    Instant start = s.appointment.start();
    if (!visits.cancel(r.reason() == null ? "cancelled" : r.reason())) {
      throw ApplicationFailure.newFailure("the calendar could not be reached", "CalendarUnavailable");
    }
    core.queueNow(Texts.visitCancelled(start, core.config.businessHours().zone()), Author.AI, null);
    core.flushOutbox();
  }

  void callNow(CallNowRequest r) {
    if (alreadyApplied("call", r.requestId())) {
      return;
    }
    // a person chose to call this number: that is the approval a typed number waits for
    s.phoneConfirmed = true;
    s.callAwaitingConfirmation = false;
    calls.start(s.stage == LeadStage.SCHEDULED ? com.inmo.workflows.call.CallPurpose.VISIT_CONFIRMATION
        : com.inmo.workflows.call.CallPurpose.INITIAL_QUALIFICATION, true);
    applied("call", r.requestId());
    core.tasks.close(com.inmo.workflows.activity.TaskKind.APPROVE_CALL, "DONE", "un agente llamó al lead");
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
