package com.inmo.workflows.lead;

import com.inmo.workflows.activity.BookingRequest;
import com.inmo.workflows.activity.BookingResult;
import com.inmo.workflows.activity.CancellationRequest;
import com.inmo.workflows.activity.SlotOffer;
import com.inmo.workflows.activity.SlotQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Offering, booking and cancelling the visit, and the reminders around it. */
final class LeadVisits {

  static final int SLOTS_OFFERED = 3;
  static final int DAYS_AHEAD = 7;

  private final LeadCore core;
  private final LeadState s;

  LeadVisits(LeadCore core) {
    this.core = core;
    this.s = core.s;
  }

  /** Free slots from now on; null when the calendar could not be reached (the lead then needs attention). */
  List<Instant> freeSlots(int limit, int days) {
    SlotOffer offer = core.steps.attempt("find visit slots", () -> core.steps.calendar.availableSlots(
        new SlotQuery(s.brokerSlug, core.now(), days, limit)));
    return offer == null ? null : offer.slots();
  }

  /**
   * Books a slot. The appointment id derives from the lead, the slot and a counter, so a retried booking
   * finds its own appointment instead of taking a second one. Null when the calendar gave up.
   */
  BookingResult book(Instant slot, String userId) {
    UUID appointmentId = UUID.nameUUIDFromBytes((s.lifeKey() + ":" + slot + ":" + s.outboundSequence)
        .getBytes(StandardCharsets.UTF_8));
    BookingResult result = core.steps.attempt("book visit", () -> core.steps.calendar.book(new BookingRequest(
        s.brokerSlug, s.leadId, s.workflowId, appointmentId, slot, s.fields.name(),
        userId == null ? "reservada por el agente IA" : "reservada por " + userId)));
    if (result == null || !result.booked()) {
      return result;
    }
    s.outboundSequence++;
    Duration ahead = Duration.between(core.now(), result.slotStart());
    // a reminder whose moment has passed at booking time is not sent late
    s.appointment = new Appointment(result.appointmentId(), result.slotStart(), result.slotEnd(), "BOOKED",
        ahead.compareTo(LeadTimers.REMINDER_24H) <= 0, ahead.compareTo(LeadTimers.REMINDER_1H) <= 0, false);
    s.offeredSlots.clear();
    if (s.stage == LeadStage.LOST && userId != null && LeadChanges.applies(LeadChanges.CLOSED_LEAD_VISITS)) {
      // an agent booked a visit for a lost lead: it is back in the pipeline, where its visit is
      core.move(LeadStage.SCHEDULED, "visita agendada por un agente: el lead se reabre", userId);
    }
    core.rescoreAndAdvance();
    core.steps.notifyQuietly("VISIT_BOOKED", "Visita agendada: " + Texts.when(result.slotStart(),
        core.config.businessHours().zone()) + " — " + (s.fields.name() == null ? s.workflowId : s.fields.name()));
    return result;
  }

  boolean booked() {
    return s.appointment != null && s.appointment.booked();
  }

  /**
   * The lead asked never to be contacted again (or an agent recorded it): nothing more is sent, and a booked
   * visit is cancelled in the calendar (a lost lead holds no visit; the slot is free for others).
   */
  void optOut(String by, String reason) {
    if (s.optedOut) {
      return;
    }
    s.optedOut = true;
    s.outbox.clear();
    s.nextCallAt = null;
    s.silenceSince = null;
    if (booked() && LeadChanges.applies(LeadChanges.CLOSED_LEAD_VISITS)) {
      Instant start = s.appointment.start();
      if (cancel("el lead pidió no ser contactado")) {
        core.recordSystemNote("Visita del " + Texts.when(start, core.config.businessHours().zone())
            + " cancelada: el lead pidió no ser contactado");
      }
    }
    if (!s.stage.isClosed()) {
      core.move(LeadStage.LOST, "opt-out: " + (reason == null ? "sin motivo" : reason), by == null ? "lead" : by);
    }
    s.callAwaitingConfirmation = false;
    core.tasks.close(null, "DISMISSED", "el lead pidió no ser contactado");
    s.score = core.score();
  }

  boolean cancel(String reason) {
    Appointment a = s.appointment;
    boolean done = core.steps.attempt("cancel visit", () -> core.steps.calendar.cancel(
        new CancellationRequest(s.brokerSlug, a.id(), reason))) != null;
    if (done) {
      s.appointment = a.cancelled();
    }
    return done;
  }

  void runDue(TimerKind kind) {
    Appointment a = s.appointment;
    Instant now = core.now();
    switch (kind) {
      case VISIT_REMINDER_24H -> {
        if (now.isBefore(a.start().minus(LeadTimers.REMINDER_1H))) {
          core.queueNow(Texts.visitReminder24h(a.start(), core.config.businessHours().zone()), Author.AI, null);
        }
        s.appointment = a.withReminders(true, a.reminded1h(), a.followedUp());
      }
      case VISIT_REMINDER_1H -> {
        if (now.isBefore(a.start())) {
          core.queueNow(Texts.visitReminder1h(a.start(), core.config.businessHours().zone()), Author.AI, null);
        }
        s.appointment = a.withReminders(true, true, a.followedUp());
      }
      case POST_VISIT -> {
        core.queueAi(Texts.postVisit(s.fields.name()));
        s.appointment = a.withReminders(true, true, true);
      }
      default -> throw new IllegalArgumentException("not a visit timer: " + kind);
    }
  }
}
