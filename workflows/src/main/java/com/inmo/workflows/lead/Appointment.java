package com.inmo.workflows.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * The lead's booked visit and which of its reminders went out.
 *
 * @param status BOOKED or CANCELLED
 */
public record Appointment(UUID id, Instant start, Instant end, String status, boolean reminded24h,
                          boolean reminded1h, boolean followedUp) {

  public boolean booked() {
    return "BOOKED".equals(status);
  }

  public Appointment withReminders(boolean r24, boolean r1, boolean after) {
    return new Appointment(id, start, end, status, r24, r1, after);
  }

  public Appointment cancelled() {
    return new Appointment(id, start, end, "CANCELLED", reminded24h, reminded1h, followedUp);
  }
}
