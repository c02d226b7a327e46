package com.inmo.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Visit slots from weekly hours, in the broker's time zone, minus what is busy. Pure, so the rule is tested
 * without a database: a slot is offered when it lies wholly within the day's hours and overlaps nothing busy.
 */
public final class SlotPlanner {

  private SlotPlanner() {
  }

  /** A slot: [start, end). */
  public record Slot(Instant start, Instant end) {
  }

  /** Free slots starting strictly after {@code from} and before {@code from + days}, ascending, at most {@code limit}. */
  public static List<Slot> free(ZoneId zone, List<WeeklyHours> weekly, List<Busy> busy, Instant from, int days,
                                int limit) {
    ZonedDateTime start = from.atZone(zone);
    Instant windowEnd = start.plusDays(days).toInstant();
    List<Slot> out = new ArrayList<>();
    for (LocalDate date = start.toLocalDate(); !date.isAfter(start.plusDays(days).toLocalDate())
        && out.size() < limit; date = date.plusDays(1)) {
      for (Slot slot : ofDay(zone, weekly, date)) {
        if (slot.start().isAfter(from) && slot.start().isBefore(windowEnd) && isFree(slot, busy)) {
          out.add(slot);
          if (out.size() == limit) {
            break;
          }
        }
      }
    }
    return out;
  }

  /** The slot of the weekly hours that starts exactly at {@code start}, if there is one. */
  public static Optional<Slot> slotAt(ZoneId zone, List<WeeklyHours> weekly, Instant start) {
    LocalDate date = start.atZone(zone).toLocalDate();
    return ofDay(zone, weekly, date).stream().filter(s -> s.start().equals(start)).findFirst();
  }

  public static boolean isFree(Slot slot, List<Busy> busy) {
    return busy.stream().noneMatch(b -> b.overlaps(slot.start(), slot.end()));
  }

  /** Every slot of one local date, ascending (rows may overlap: duplicates are kept out). */
  static List<Slot> ofDay(ZoneId zone, List<WeeklyHours> weekly, LocalDate date) {
    int weekday = date.getDayOfWeek().getValue();
    List<Slot> slots = new ArrayList<>();
    for (WeeklyHours hours : weekly) {
      if (hours.weekday() != weekday || hours.slotMinutes() <= 0) {
        continue;
      }
      // minutes of the day, not LocalTime arithmetic, which wraps at midnight
      int open = hours.start().toSecondOfDay() / 60;
      int close = hours.end().toSecondOfDay() / 60;
      for (int m = open; m + hours.slotMinutes() <= close; m += hours.slotMinutes()) {
        // a time skipped by a DST change moves forward; a slot is still its nominal length
        Instant begin = date.atTime(m / 60, m % 60).atZone(zone).toInstant();
        Slot slot = new Slot(begin, begin.plusSeconds(hours.slotMinutes() * 60L));
        if (slots.stream().noneMatch(x -> x.start().equals(slot.start()))) {
          slots.add(slot);
        }
      }
    }
    slots.sort(java.util.Comparator.comparing(Slot::start));
    return slots;
  }
}
