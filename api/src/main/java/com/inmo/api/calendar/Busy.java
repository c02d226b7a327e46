package com.inmo.api.calendar;

import java.time.Instant;

/** A taken stretch of the calendar, [start, end): a block (the broker is away) or a booked visit. */
public record Busy(Instant start, Instant end, boolean block) {

  public boolean overlaps(Instant otherStart, Instant otherEnd) {
    return start.isBefore(otherEnd) && end.isAfter(otherStart);
  }
}
