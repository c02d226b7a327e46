package com.inmo.activities.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotChooserTest {

  private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  /** Tuesday 3 Dec 10:00, Tuesday 3 Dec 15:00, Thursday 5 Dec 10:00 (Santiago time, UTC-3 in summer). */
  private static final List<Instant> OFFERED = List.of(
      at("2024-12-03T10:00"), at("2024-12-03T15:00"), at("2024-12-05T10:00"));

  private final SlotChooser chooser = new SlotChooser();

  @ParameterizedTest(name = "\"{0}\" -> option {1}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      la primera                     | 1
      La primera porfa               | 1
      el primero                     | 1
      la segunda                     | 2
      la 2                           | 2
      opción 3                       | 3
      Opcion 3!                      | 3
      2                              | 2
      2!                             | 2
      la última                      | 3
      la 3ra                         | 3
      el martes a las 10             | 1
      el martes a las 3              | 2
      martes a las 3 de la tarde     | 2
      el martes a las 15:00          | 2
      a las 15:00                    | 2
      el jueves                      | 3
      el jueves 5                    | 3
      el 5 de diciembre              | 3
      el 3 de diciembre a las 10     | 1
      el 5                           | 3
      el martes                      | none
      a las 10                       | none
      el miércoles                   | none
      a las 11                       | none
      la cuarta                      | none
      opción 7                       | none
      mañana a las 10                | none
      hoy a las 15:00                | none
      cualquiera                     | none
      """)
  void picksTheSlotTheLeadChose(String message, Integer option) {
    Instant chosen = chooser.choose(OFFERED, SANTIAGO, message);

    assertThat(chosen).isEqualTo(option == null ? null : OFFERED.get(option - 1));
  }

  @Test
  void theSameWordsMeanTheBrokersLocalTime() {
    // 10:00 in Santiago is 13:00 UTC: read in UTC, "a las 13:00" is the first slot and "a las 10" none.
    assertThat(chooser.choose(OFFERED, ZoneId.of("UTC"), "el martes a las 13:00")).isEqualTo(OFFERED.get(0));
    assertThat(chooser.choose(OFFERED, ZoneId.of("UTC"), "el martes a las 10:00")).isNull();
    assertThat(chooser.choose(OFFERED, SANTIAGO, "el martes a las 10:00")).isEqualTo(OFFERED.get(0));
  }

  @Test
  void nothingOfferedOrNothingSaidChoosesNothing() {
    assertThat(chooser.choose(List.of(), SANTIAGO, "la primera")).isNull();
    assertThat(chooser.choose(OFFERED, SANTIAGO, "")).isNull();
    assertThat(chooser.choose(OFFERED, SANTIAGO, null)).isNull();
  }

  @Test
  void slotsAreWrittenInSpanishInTheBrokersZone() {
    assertThat(SpanishDates.slot(OFFERED.get(0), SANTIAGO)).isEqualTo("martes 3 de diciembre a las 10:00");
    assertThat(SpanishDates.slot(at("2024-12-04T09:30"), SANTIAGO))
        .isEqualTo("miércoles 4 de diciembre a las 09:30");
  }

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SANTIAGO).toInstant();
  }
}
