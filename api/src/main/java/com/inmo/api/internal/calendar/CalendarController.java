package com.inmo.api.internal.calendar;

import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.calendar.Busy;
import com.inmo.api.calendar.Calendars;
import com.inmo.api.calendar.SlotPlanner;
import com.inmo.api.calendar.WeeklyHours;
import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.web.Problems;
import com.inmo.workflows.activity.BookingRequest;
import com.inmo.workflows.activity.BookingResult;
import com.inmo.workflows.activity.CancellationRequest;
import com.inmo.workflows.activity.CancellationResult;
import com.inmo.workflows.activity.SlotOffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The local calendar for the worker's calendar activities: free slots, booking and cancelling visits.
 * Every write is idempotent by the appointment id the workflow chose.
 */
@RestController
public class CalendarController {

  static final int MAX_DAYS = 60;
  static final int MAX_LIMIT = 100;
  static final int DEFAULT_SLOT_MINUTES = 60;

  private final Brokers brokers;
  private final Calendars calendars;
  private final EventBus events;

  public CalendarController(Brokers brokers, Calendars calendars, EventBus events) {
    this.brokers = brokers;
    this.calendars = calendars;
    this.events = events;
  }

  @GetMapping("/internal/v1/brokers/{slug}/slots")
  public Mono<SlotOffer> slots(@PathVariable String slug, @RequestParam(required = false) Instant from,
                               @RequestParam(defaultValue = "7") int days, @RequestParam(defaultValue = "3") int limit) {
    if (days < 1 || days > MAX_DAYS || limit < 1 || limit > MAX_LIMIT) {
      return Mono.error(Problems.badRequest("days must be 1–" + MAX_DAYS + " and limit 1–" + MAX_LIMIT));
    }
    Instant start = from == null ? Instant.now() : from;
    return brokers.require(slug).flatMap(broker -> {
      Instant end = start.atZone(broker.zone()).plusDays(days + 1L).toInstant();
      return Mono.zip(calendars.weeklyHours(broker.id()), calendars.busy(broker.id(), start, end))
          .map(t -> {
            List<SlotPlanner.Slot> free = SlotPlanner.free(broker.zone(), t.getT1(), t.getT2(), start, days, limit);
            int minutes = free.isEmpty()
                ? t.getT1().stream().mapToInt(WeeklyHours::slotMinutes).min().orElse(DEFAULT_SLOT_MINUTES)
                : (int) java.time.Duration.between(free.get(0).start(), free.get(0).end()).toMinutes();
            return new SlotOffer(free.stream().map(SlotPlanner.Slot::start).toList(), minutes);
          });
    });
  }

  /**
   * 201 booked; 200 with the same result when this appointment id is booked already (a retry); 409
   * {@code taken} when another appointment holds the slot; 422 {@code unavailable} when the slot is not one
   * the calendar offers (outside the hours, blocked, past). A retried id that was cancelled since is 409
   * {@code cancelled}.
   */
  @PostMapping("/internal/v1/appointments")
  public Mono<ResponseEntity<BookingResult>> book(@RequestBody BookingRequest r) {
    if (r.appointmentId() == null || r.leadId() == null || r.slotStart() == null) {
      return Mono.error(Problems.badRequest("appointmentId, leadId and slotStart are required"));
    }
    return brokers.require(r.brokerSlug()).flatMap(broker -> calendars.find(r.appointmentId())
        .map(CalendarController::answerForExisting)
        .switchIfEmpty(Mono.defer(() -> bookNew(broker, r))));
  }

  private Mono<ResponseEntity<BookingResult>> bookNew(Broker broker, BookingRequest r) {
    ZoneId zone = broker.zone();
    LocalDate date = r.slotStart().atZone(zone).toLocalDate();
    Instant dayStart = date.atStartOfDay(zone).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
    return Mono.zip(calendars.weeklyHours(broker.id()), calendars.busy(broker.id(), dayStart, dayEnd))
        .flatMap(t -> {
          var slot = SlotPlanner.slotAt(zone, t.getT1(), r.slotStart()).orElse(null);
          if (slot == null || !slot.start().isAfter(Instant.now())) {
            return Mono.just(refused(HttpStatus.UNPROCESSABLE_ENTITY, r, "unavailable"));
          }
          List<Busy> clashes = t.getT2().stream().filter(b -> b.overlaps(slot.start(), slot.end())).toList();
          if (clashes.stream().anyMatch(Busy::block)) {
            return Mono.just(refused(HttpStatus.UNPROCESSABLE_ENTITY, r, "unavailable"));
          }
          if (!clashes.isEmpty()) {
            return Mono.just(refused(HttpStatus.CONFLICT, r, "taken"));
          }
          return calendars.insertBooked(broker.id(), r, slot.end())
              .then(events.publish(LiveEvent.APPOINTMENT_BOOKED, broker.slug(), r.leadId(), r.workflowId(),
                  new BookingResult(true, r.appointmentId(), slot.start(), slot.end(), null)))
              .thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                  .body(new BookingResult(true, r.appointmentId(), slot.start(), slot.end(), null)))
              // lost the race for the slot, or a concurrent retry of this very booking won it
              .onErrorResume(DuplicateKeyException.class, e -> calendars.find(r.appointmentId())
                  .map(CalendarController::answerForExisting)
                  .defaultIfEmpty(refused(HttpStatus.CONFLICT, r, "taken")));
        });
  }

  private static ResponseEntity<BookingResult> answerForExisting(Calendars.StoredAppointment a) {
    if (a.booked()) {
      return ResponseEntity.ok(new BookingResult(true, a.id(), a.start(), a.end(), null));
    }
    return ResponseEntity.status(HttpStatus.CONFLICT).body(new BookingResult(false, a.id(), a.start(), a.end(),
        "cancelled"));
  }

  private static ResponseEntity<BookingResult> refused(HttpStatus status, BookingRequest r, String reason) {
    return ResponseEntity.status(status).body(new BookingResult(false, r.appointmentId(), r.slotStart(), null, reason));
  }

  /** 200 {@code cancelled: true} once it is cancelled (again on a retry); {@code false} for an unknown id. */
  @PostMapping("/internal/v1/appointments/{appointmentId}/cancel")
  public Mono<CancellationResult> cancel(@PathVariable UUID appointmentId, @RequestBody CancellationRequest r) {
    if (r.appointmentId() != null && !r.appointmentId().equals(appointmentId)) {
      return Mono.error(Problems.badRequest("appointmentId in the body differs from the path"));
    }
    return brokers.require(r.brokerSlug()).flatMap(broker -> calendars.cancel(appointmentId, broker.id(), r.reason())
        .then(calendars.find(appointmentId))
        .filter(a -> a.brokerId().equals(broker.id()))
        .map(a -> new CancellationResult(appointmentId, !a.booked()))
        .defaultIfEmpty(new CancellationResult(appointmentId, false)));
  }
}
