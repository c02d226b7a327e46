package com.inmo.workflows.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailyDigestNextSendTimeTest {

  private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

  private static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2026-01-05T00:00, 2026-01-05T08:00", "2026-01-05T07:59:59, 2026-01-05T08:00",
      "2026-01-05T08:00, 2026-01-06T08:00", "2026-01-05T08:00:01, 2026-01-06T08:00",
      "2026-01-05T23:59, 2026-01-06T08:00", "2026-12-31T09:00, 2027-01-01T08:00"})
  void eightInTheMorningTodayIfStillAheadElseTomorrow(String now, String expected) {
    assertThat(DailyDigestWorkflowImpl.nextSendTime(local(now, SANTIAGO), SANTIAGO))
        .isEqualTo(local(expected, SANTIAGO));
  }

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource({
      "2026-01-05T10:00:00Z, UTC, 2026-01-06T08:00:00Z",
      "2026-01-05T10:00:00Z, America/Santiago, 2026-01-05T11:00:00Z",    // 07:00 -03:00 -> 08:00 -03:00
      "2026-01-05T10:00:00Z, Europe/Madrid, 2026-01-06T07:00:00Z"})       // 11:00 +01:00 -> tomorrow
  void eightIsLocalToTheGivenZone(Instant now, ZoneId zone, Instant expected) {
    assertThat(DailyDigestWorkflowImpl.nextSendTime(now, zone)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2026-04-04T12:00:00Z, 2026-04-05T12:00:00Z",  // Sat 09:00 -03:00 -> Sun 08:00 -04:00 (clocks went back)
      "2026-09-05T13:00:00Z, 2026-09-06T11:00:00Z"}) // Sat 09:00 -04:00 -> Sun 08:00 -03:00 (clocks went forward)
  void tomorrowsEightStaysEightLocalAcrossSantiagoClockChanges(Instant now, Instant expected) {
    assertThat(DailyDigestWorkflowImpl.nextSendTime(now, SANTIAGO)).isEqualTo(expected);
  }
}
