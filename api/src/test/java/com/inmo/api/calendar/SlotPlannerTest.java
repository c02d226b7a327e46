package com.inmo.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotPlannerTest {

  static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

  static List<WeeklyHours> weekdays(String start, String end, int minutes) {
    return java.util.stream.IntStream.rangeClosed(1, 5)
        .mapToObj(d -> new WeeklyHours(d, LocalTime.parse(start), LocalTime.parse(end), minutes)).toList();
  }

  @Test
  void slotsFitWhollyInsideTheHoursAndSkipClosedDays() {
    // Friday 2026-12-04 16:00 Santiago (UTC-3 in summer)
    Instant from = Instant.parse("2026-12-04T19:00:00Z");
    List<SlotPlanner.Slot> slots = SlotPlanner.free(SANTIAGO, weekdays("09:00", "17:30", 45), List.of(), from, 7, 3);

    // 16:30 would end at 17:15 — fits; 17:15 would end at 18:00 — does not; then Monday 09:00
    assertThat(slots).extracting(SlotPlanner.Slot::start).containsExactly(
        Instant.parse("2026-12-04T19:30:00Z"), Instant.parse("2026-12-07T12:00:00Z"),
        Instant.parse("2026-12-07T12:45:00Z"));
  }

  @Test
  void anythingBusyOverlappingASlotRemovesItButTouchingDoesNot() {
    Instant from = Instant.parse("2026-12-07T11:00:00Z"); // Monday 08:00 Santiago
    List<Busy> busy = List.of(
        new Busy(Instant.parse("2026-12-07T12:00:00Z"), Instant.parse("2026-12-07T13:00:00Z"), false), // 09:00 booked
        new Busy(Instant.parse("2026-12-07T13:59:00Z"), Instant.parse("2026-12-07T14:01:00Z"), true)); // 10:59–11:01

    List<SlotPlanner.Slot> slots = SlotPlanner.free(SANTIAGO, weekdays("09:00", "19:00", 60), busy, from, 1, 2);

    assertThat(slots).extracting(SlotPlanner.Slot::start).containsExactly(
        Instant.parse("2026-12-07T15:00:00Z"), Instant.parse("2026-12-07T16:00:00Z"));
  }

  @Test
  void localHoursFollowTheDaylightSavingChange() {
    // Santiago leaves summer time on Sunday 2026-04-05: 09:00 is 12:00Z on Friday, 13:00Z on Monday
    Instant from = Instant.parse("2026-04-03T00:00:00Z");
    List<SlotPlanner.Slot> slots = SlotPlanner.free(SANTIAGO, weekdays("09:00", "10:00", 60), List.of(), from, 7, 2);

    assertThat(slots).extracting(SlotPlanner.Slot::start).containsExactly(
        Instant.parse("2026-04-03T12:00:00Z"), Instant.parse("2026-04-06T13:00:00Z"));
  }

  @Test
  void onlyExactSlotStartsAreBookable() {
    List<WeeklyHours> hours = weekdays("09:00", "19:00", 60);
    assertThat(SlotPlanner.slotAt(SANTIAGO, hours, Instant.parse("2026-12-07T12:00:00Z"))).isPresent();
    assertThat(SlotPlanner.slotAt(SANTIAGO, hours, Instant.parse("2026-12-07T12:30:00Z"))).isEmpty();
    assertThat(SlotPlanner.slotAt(SANTIAGO, hours, Instant.parse("2026-12-06T12:00:00Z"))).isEmpty(); // Sunday
  }
}
