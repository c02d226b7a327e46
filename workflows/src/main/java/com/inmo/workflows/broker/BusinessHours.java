package com.inmo.workflows.broker;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When the AI may write or call on its own: opening hours per weekday in the broker's time zone. What a
 * human asks for ignores them. Pure: the caller passes the time (the workflow's clock).
 *
 * @param days weekday → [open, close) local times; a missing day is closed
 */
public record BusinessHours(boolean alwaysOpen, String timeZone, Map<DayOfWeek, List<LocalTime>> days) {

  public static final String DEFAULT_TIME_ZONE = "America/Santiago";

  public BusinessHours {
    timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    days = days == null ? Map.of() : Map.copyOf(days);
  }

  /** Monday–Friday 09:00–19:00, Saturday 10:00–14:00: a Chilean broker's usual week. */
  public static BusinessHours standard(String timeZone) {
    Map<DayOfWeek, List<LocalTime>> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      days.put(d, List.of(LocalTime.of(9, 0), LocalTime.of(19, 0)));
    }
    days.put(DayOfWeek.SATURDAY, List.of(LocalTime.of(10, 0), LocalTime.of(14, 0)));
    return new BusinessHours(false, timeZone, days);
  }

  public static BusinessHours always(String timeZone) {
    return new BusinessHours(true, timeZone, Map.of());
  }

  public boolean isOpen(Instant at) {
    if (alwaysOpen) {
      return true;
    }
    ZonedDateTime local = at.atZone(zone());
    List<LocalTime> hours = days.get(local.getDayOfWeek());
    if (hours == null || hours.size() != 2) {
      return false;
    }
    LocalTime t = local.toLocalTime();
    return !t.isBefore(hours.get(0)) && t.isBefore(hours.get(1));
  }

  /** {@code at} itself when open, else the next opening (within two weeks; never for a week with no hours). */
  public Instant nextOpening(Instant at) {
    if (isOpen(at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone());
    for (int i = 0; i <= 14; i++) {
      ZonedDateTime day = local.toLocalDate().plusDays(i).atStartOfDay(zone());
      List<LocalTime> hours = days.get(day.getDayOfWeek());
      if (hours == null || hours.size() != 2) {
        continue;
      }
      Instant opening = day.with(hours.get(0)).toInstant();
      if (opening.isAfter(at)) {
        return opening;
      }
    }
    throw new IllegalStateException("business hours have no opening in the next two weeks");
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }
}
