package com.inmo.workflows.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {

  private static final String SANTIAGO = "America/Santiago";
  private static final ZoneId ZONE = ZoneId.of(SANTIAGO);
  private static final BusinessHours STANDARD = BusinessHours.standard(SANTIAGO);

  /** A local date-time in Santiago. January 2026: Fri 2, Sat 3, Sun 4, Mon 5, Tue 6, Wed 7. */
  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(ZONE).toInstant();
  }

  @ParameterizedTest(name = "{0} open={1}")
  @CsvSource({
      "2026-01-05T08:59:59, false", "2026-01-05T09:00, true", "2026-01-05T18:59:59, true", "2026-01-05T19:00, false",
      "2026-01-07T12:00, true", "2026-01-02T09:00, true", "2026-01-02T19:00, false",
      "2026-01-03T09:59, false", "2026-01-03T10:00, true", "2026-01-03T13:59, true", "2026-01-03T14:00, false",
      "2026-01-04T09:00, false", "2026-01-04T12:00, false", "2026-01-04T18:00, false",
      "2026-01-05T00:00, false", "2026-01-05T23:59, false"})
  void standardWeekIsOpenFromOpeningUntilJustBeforeClosing(String at, boolean open) {
    assertThat(STANDARD.isOpen(local(at))).isEqualTo(open);
  }

  @ParameterizedTest(name = "from {0} -> {1}")
  @CsvSource({
      "2026-01-02T20:00, 2026-01-03T10:00",   // Friday evening -> Saturday 10:00
      "2026-01-02T19:00, 2026-01-03T10:00",   // Friday at closing time
      "2026-01-03T15:00, 2026-01-05T09:00",   // Saturday afternoon -> Monday 09:00
      "2026-01-03T09:00, 2026-01-03T10:00",   // Saturday before opening
      "2026-01-04T11:00, 2026-01-05T09:00",   // Sunday -> Monday
      "2026-01-05T07:30, 2026-01-05T09:00",   // Monday early
      "2026-01-05T19:00, 2026-01-06T09:00",   // Monday at closing time -> Tuesday
      "2026-01-05T23:59, 2026-01-06T09:00"})
  void nextOpeningWhenClosed(String from, String expected) {
    assertThat(STANDARD.nextOpening(local(from))).isEqualTo(local(expected));
  }

  @ParameterizedTest
  @CsvSource({"2026-01-05T09:00", "2026-01-07T12:34:56", "2026-01-03T13:59"})
  void nextOpeningWhenOpenIsThatSameInstant(String at) {
    assertThat(STANDARD.nextOpening(local(at))).isEqualTo(local(at));
  }

  /** Chile leaves summer time at 00:00 on Sunday 5 April 2026 (-03:00 -> -04:00). */
  @Test
  void openingStaysAt0900LocalAcrossTheAprilClockChange() {
    assertThat(STANDARD.nextOpening(Instant.parse("2026-04-03T11:00:00Z"))) // Fri 08:00 -03:00
        .isEqualTo(Instant.parse("2026-04-03T12:00:00Z"));                 // Fri 09:00 -03:00
    Instant monday = STANDARD.nextOpening(Instant.parse("2026-04-04T18:00:00Z")); // Sat 15:00 -03:00
    assertThat(monday).isEqualTo(Instant.parse("2026-04-06T13:00:00Z"));        // Mon 09:00 -04:00
    assertThat(monday.atZone(ZONE).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(STANDARD.isOpen(Instant.parse("2026-04-06T12:30:00Z"))).isFalse();
    assertThat(STANDARD.isOpen(Instant.parse("2026-04-06T13:00:00Z"))).isTrue();
    assertThat(STANDARD.isOpen(Instant.parse("2026-04-06T22:59:00Z"))).isTrue();  // 18:59 -04:00
    assertThat(STANDARD.isOpen(Instant.parse("2026-04-06T23:00:00Z"))).isFalse(); // 19:00 -04:00
  }

  /** Chile enters summer time at 00:00 on Sunday 6 September 2026 (-04:00 -> -03:00). */
  @Test
  void openingStaysAt0900LocalAcrossTheSeptemberClockChange() {
    assertThat(STANDARD.nextOpening(Instant.parse("2026-09-04T12:00:00Z"))) // Fri 08:00 -04:00
        .isEqualTo(Instant.parse("2026-09-04T13:00:00Z"));                 // Fri 09:00 -04:00
    Instant monday = STANDARD.nextOpening(Instant.parse("2026-09-05T19:00:00Z")); // Sat 15:00 -04:00
    assertThat(monday).isEqualTo(Instant.parse("2026-09-07T12:00:00Z"));        // Mon 09:00 -03:00
    assertThat(monday.atZone(ZONE).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(STANDARD.isOpen(Instant.parse("2026-09-07T11:59:00Z"))).isFalse();
    assertThat(STANDARD.isOpen(Instant.parse("2026-09-07T12:00:00Z"))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"2026-01-04T03:00", "2026-01-05T19:00", "2026-04-05T00:30", "2026-09-06T01:30"})
  void alwaysOpenIsOpenAtAnyInstantAndOpensImmediately(String at) {
    BusinessHours always = BusinessHours.always(SANTIAGO);
    assertThat(always.isOpen(local(at))).isTrue();
    assertThat(always.nextOpening(local(at))).isEqualTo(local(at));
  }

  @Test
  void aWeekWithNoHoursNeverOpensAndNextOpeningThrows() {
    for (BusinessHours none : List.of(new BusinessHours(false, SANTIAGO, Map.of()),
        new BusinessHours(false, SANTIAGO, null),
        new BusinessHours(false, SANTIAGO, Map.of(DayOfWeek.MONDAY, List.of(LocalTime.of(9, 0)))))) {
      assertThat(none.isOpen(local("2026-01-05T12:00"))).isFalse();
      assertThatThrownBy(() -> none.nextOpening(local("2026-01-05T12:00")))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aSingleOpenDayAfterItsClosingOpensAgainAWeekLater() {
    BusinessHours sundays = new BusinessHours(false, SANTIAGO,
        Map.of(DayOfWeek.SUNDAY, List.of(LocalTime.of(11, 0), LocalTime.of(13, 0))));
    assertThat(sundays.nextOpening(local("2026-01-04T13:00"))).isEqualTo(local("2026-01-11T11:00"));
    assertThat(sundays.nextOpening(local("2026-01-04T10:00"))).isEqualTo(local("2026-01-04T11:00"));
  }

  @Test
  void hoursAreReadInTheBrokersOwnTimeZone() {
    BusinessHours utc = BusinessHours.standard("UTC");
    Instant mondayNineUtc = Instant.parse("2026-01-05T09:00:00Z"); // 06:00 in Santiago
    assertThat(utc.isOpen(mondayNineUtc)).isTrue();
    assertThat(STANDARD.isOpen(mondayNineUtc)).isFalse();
  }

  @Test
  void missingTimeZoneDefaultsToSantiago() {
    assertThat(new BusinessHours(false, null, null).zone()).isEqualTo(ZONE);
    assertThat(BusinessHours.DEFAULT_TIME_ZONE).isEqualTo(SANTIAGO);
  }
}
