package com.inmo.workflows.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LeadStageTest {

  @ParameterizedTest
  @CsvSource({"NEW, false", "PROFILING, false", "FINANCIAL_QUALIFICATION, false", "POTENTIAL, false",
      "SCHEDULED, false", "WON, true", "LOST, true"})
  void onlyWonAndLostAreClosed(LeadStage stage, boolean closed) {
    assertThat(stage.isClosed()).isEqualTo(closed);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
      "NEW, PROFILING, true", "NEW, SCHEDULED, true", "NEW, LOST, true",
      "PROFILING, FINANCIAL_QUALIFICATION, true", "FINANCIAL_QUALIFICATION, POTENTIAL, true",
      "POTENTIAL, SCHEDULED, true", "SCHEDULED, WON, true", "SCHEDULED, LOST, true",
      "PROFILING, NEW, false", "POTENTIAL, PROFILING, false", "SCHEDULED, POTENTIAL, false",
      "WON, LOST, false", "LOST, WON, false", "WON, NEW, false", "LOST, PROFILING, false"})
  void canAdvanceOnlyForwardFromAnOpenStage(LeadStage from, LeadStage to, boolean expected) {
    assertThat(from.canAdvanceTo(to)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(LeadStage.class)
  void neverAdvancesToItself(LeadStage stage) {
    assertThat(stage.canAdvanceTo(stage)).isFalse();
  }
}
