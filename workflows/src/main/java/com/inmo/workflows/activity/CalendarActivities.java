package com.inmo.workflows.activity;

import io.temporal.activity.ActivityInterface;

/** Visit availability and bookings in the broker's calendar (local or Google). */
@ActivityInterface
public interface CalendarActivities {

  SlotOffer availableSlots(SlotQuery query);

  /** Books a slot atomically: two leads choosing the same slot never both get it. */
  BookingResult book(BookingRequest request);

  CancellationResult cancel(CancellationRequest request);
}
