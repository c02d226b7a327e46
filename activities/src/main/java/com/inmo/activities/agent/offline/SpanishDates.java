package com.inmo.activities.agent.offline;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Spanish day and month names, and the way a visit slot is written to the lead ("martes 3 de diciembre a
 * las 10:00"). Written by hand instead of through a Locale so the text is identical on every JVM.
 */
final class SpanishDates {

  /** Folded weekday names, Monday first (index + 1 = ISO day of week). */
  static final List<String> WEEKDAYS =
      List.of("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo");
  private static final List<String> WEEKDAYS_SHOWN =
      List.of("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo");
  /** Month names, January first (index + 1 = month number); none has an accent. */
  static final List<String> MONTHS = List.of("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
      "agosto", "septiembre", "octubre", "noviembre", "diciembre");
  /** Where the brokers are; used when a request carries no (or an unknown) time zone. */
  static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Santiago");

  private SpanishDates() {
  }

  static ZoneId zoneOrDefault(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return DEFAULT_ZONE;
    }
    try {
      return ZoneId.of(timeZone.trim());
    } catch (DateTimeException e) {
      return DEFAULT_ZONE;
    }
  }

  /** "martes 3 de diciembre a las 10:00", in the broker's zone. */
  static String slot(Instant slot, ZoneId zone) {
    ZonedDateTime at = slot.atZone(zone);
    return String.format("%s %d de %s a las %02d:%02d", WEEKDAYS_SHOWN.get(at.getDayOfWeek().getValue() - 1),
        at.getDayOfMonth(), MONTHS.get(at.getMonthValue() - 1), at.getHour(), at.getMinute());
  }
}
