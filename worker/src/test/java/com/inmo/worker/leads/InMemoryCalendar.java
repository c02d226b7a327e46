package com.inmo.worker.leads;

import com.inmo.workflows.activity.BookingRequest;
import com.inmo.workflows.activity.BookingResult;
import com.inmo.workflows.activity.CalendarActivities;
import com.inmo.workflows.activity.CancellationRequest;
import com.inmo.workflows.activity.CancellationResult;
import com.inmo.workflows.activity.SlotOffer;
import com.inmo.workflows.activity.SlotQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A calendar with the local calendar's rules: hourly visit slots 10:00–18:00 every day in the broker's time
 * zone, from a day ahead (so both reminders apply), minus booked ones; booking a slot is atomic (the api
 * does it with a unique index).
 */
class InMemoryCalendar implements CalendarActivities {

  private final ZoneId zone;
  /** slot start → appointment id, for BOOKED appointments */
  final Map<Instant, UUID> booked = new ConcurrentHashMap<>();
  final Map<UUID, Instant> appointments = new ConcurrentHashMap<>();

  InMemoryCalendar(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public SlotOffer availableSlots(SlotQuery query) {
    List<Instant> slots = new ArrayList<>();
    ZonedDateTime day = query.from().atZone(zone).toLocalDate().atStartOfDay(zone);
    for (int d = 0; d <= query.days() && slots.size() < query.limit(); d++) {
      for (int hour = 10; hour < 18 && slots.size() < query.limit(); hour++) {
        Instant slot = day.plusDays(d).with(LocalTime.of(hour, 0)).toInstant();
        if (slot.isAfter(query.from().plus(Duration.ofHours(25))) && !booked.containsKey(slot)) {
          slots.add(slot);
        }
      }
    }
    return new SlotOffer(slots, 60);
  }

  /** When set, a booking waits for it: a test holds an update in the middle of its work. */
  volatile java.util.concurrent.CountDownLatch holdBooking;
  final java.util.concurrent.Semaphore bookingHeld = new java.util.concurrent.Semaphore(0);

  @Override
  public BookingResult book(BookingRequest request) {
    java.util.concurrent.CountDownLatch hold = holdBooking;
    if (hold != null) {
      bookingHeld.release();
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    UUID holder = booked.putIfAbsent(request.slotStart(), request.appointmentId());
    Instant end = request.slotStart().plus(Duration.ofHours(1));
    if (holder != null && !holder.equals(request.appointmentId())) {
      return new BookingResult(false, null, request.slotStart(), end, "taken");
    }
    appointments.put(request.appointmentId(), request.slotStart());
    return new BookingResult(true, request.appointmentId(), request.slotStart(), end, null);
  }

  @Override
  public CancellationResult cancel(CancellationRequest request) {
    Instant slot = appointments.get(request.appointmentId());
    if (slot != null) {
      booked.remove(slot, request.appointmentId());
    }
    return new CancellationResult(request.appointmentId(), true);
  }
}
