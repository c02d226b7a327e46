package com.inmo.workflows.lead;

import java.time.Instant;

/**
 * Books a visit for the lead at a slot the calendar offers ({@code userId} null when the lead chose it).
 * {@code requestId} (the caller's idempotency key, may be null) makes a retried request one booking.
 */
public record BookVisitRequest(String userId, Instant slotStart, String requestId) {

  public BookVisitRequest(String userId, Instant slotStart) {
    this(userId, slotStart, null);
  }
}
