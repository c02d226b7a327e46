package com.inmo.workflows.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreThresholdsTest {

  @Test
  void defaultsAre20_50_50_75() {
    assertThat(ScoreThresholds.DEFAULTS).isEqualTo(new ScoreThresholds(20, 50, 50, 75));
  }

  @ParameterizedTest(name = "cold {0}, warm {1}, hot {2}, qualified {3}")
  @CsvSource({"20, 50, 50, 75", "0, 1, 1, 100", "10, 30, 30, 60", "40, 70, 70, 90", "0, 100, 100, 100"})
  void acceptsRisingThresholds(int coldMax, int warmMax, int hotMin, int qualifiedMin) {
    ScoreThresholds t = new ScoreThresholds(coldMax, warmMax, hotMin, qualifiedMin);
    assertThat(t.coldMax()).isEqualTo(coldMax);
    assertThat(t.qualifiedMin()).isEqualTo(qualifiedMin);
  }

  @ParameterizedTest(name = "cold {0}, warm {1}, hot {2}, qualified {3}")
  @CsvSource({
      "-1, 50, 50, 75",   // cold below zero
      "50, 50, 50, 75",   // warm does not rise above cold
      "60, 50, 50, 75",   // warm below cold
      "20, 101, 50, 75",  // warm above 100
      "20, 50, 80, 75",   // qualified below hot
      "20, 50, 50, 101"}) // qualified above 100
  void rejectsThresholdsThatDoNotRise(int coldMax, int warmMax, int hotMin, int qualifiedMin) {
    assertThatThrownBy(() -> new ScoreThresholds(coldMax, warmMax, hotMin, qualifiedMin))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must rise");
  }

  @ParameterizedTest(name = "cold {0}, warm {1}, hot {2}, qualified {3}")
  @CsvSource({
      "20, 50, 10, 75",   // hot starts below the cold maximum
      "20, 50, -5, 75",   // hot starts below zero
      "20, 60, 50, 75"})  // warm maximum above the hot minimum
  void rejectsHotMinimumBelowTheColdOrWarmMaximum(int coldMax, int warmMax, int hotMin, int qualifiedMin) {
    assertThatThrownBy(() -> new ScoreThresholds(coldMax, warmMax, hotMin, qualifiedMin))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
