package com.inmo.api.calendar;

import java.time.LocalTime;

/** One row of {@code availability}: on an ISO weekday (1 = Monday), slots of {@code slotMinutes} from start to end. */
public record WeeklyHours(int weekday, LocalTime start, LocalTime end, int slotMinutes) {
}
