package com.inmo.workflows.lead;

import static com.inmo.workflows.lead.LeadStage.FINANCIAL_QUALIFICATION;
import static com.inmo.workflows.lead.LeadStage.LOST;
import static com.inmo.workflows.lead.LeadStage.NEW;
import static com.inmo.workflows.lead.LeadStage.POTENTIAL;
import static com.inmo.workflows.lead.LeadStage.PROFILING;
import static com.inmo.workflows.lead.LeadStage.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class StageRulesTest {

  private static final Long BUDGET = 100_000_000L;

  private static QualificationFields f(String name, String phone, String zone, Long budget, Long income,
                                       DicomStatus dicom) {
    return new QualificationFields(name, phone, null, zone, null, null, budget, income, dicom, null);
  }

  private static List<LeadStage> targets(LeadStage current, QualificationFields fields, int score, boolean booked) {
    return StageRules.automaticMoves(current, fields, score, booked).stream().map(StageRules.Move::to).toList();
  }

  static Stream<Arguments> newToProfiling() {
    return Stream.of(
        Arguments.of("name + phone", f("Ana", "+569", null, null, null, null), List.of(PROFILING)),
        Arguments.of("name + zone", f("Ana", null, "Ñuñoa", null, null, null), List.of(PROFILING)),
        Arguments.of("name + budget", f("Ana", null, null, BUDGET, null, null), List.of(PROFILING)),
        Arguments.of("name only", f("Ana", null, null, null, null, null), List.of()),
        Arguments.of("phone, zone, budget but no name", f(null, "+569", "Ñuñoa", BUDGET, null, null), List.of()),
        Arguments.of("nothing", QualificationFields.EMPTY, List.of()));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("newToProfiling")
  void newMovesToProfilingWithNamePlusPhoneZoneOrBudget(String label, QualificationFields fields,
                                                         List<LeadStage> expected) {
    assertThat(targets(NEW, fields, 0, false)).isEqualTo(expected);
  }

  static Stream<Arguments> profilingToFinancial() {
    QualificationFields both = f("Ana", null, "Ñuñoa", BUDGET, null, null);
    return Stream.of(
        Arguments.of("score 40, budget and zone", both, 40, List.of(FINANCIAL_QUALIFICATION)),
        Arguments.of("score 90, budget and zone", both, 90, List.of(FINANCIAL_QUALIFICATION)),
        Arguments.of("score 39, budget and zone", both, 39, List.of()),
        Arguments.of("score 60, no zone", f("Ana", null, null, BUDGET, null, null), 60, List.of()),
        Arguments.of("score 60, no budget", f("Ana", null, "Ñuñoa", null, null, null), 60, List.of()));
  }

  @ParameterizedTest(name = "{0} -> {3}")
  @MethodSource("profilingToFinancial")
  void profilingMovesToFinancialQualificationWithScore40BudgetAndZone(String label, QualificationFields fields,
                                                                       int score, List<LeadStage> expected) {
    assertThat(targets(PROFILING, fields, score, false)).isEqualTo(expected);
  }

  static Stream<Arguments> verdicts() {
    return Stream.of(
        Arguments.of("clean, affordable", f("Ana", null, "Ñuñoa", BUDGET, 3_000_000L, DicomStatus.CLEAN), List.of(POTENTIAL)),
        Arguments.of("clean, not affordable", f("Ana", null, "Ñuñoa", BUDGET, 1_000_000L, DicomStatus.CLEAN), List.of(POTENTIAL)),
        Arguments.of("has debt", f("Ana", null, "Ñuñoa", BUDGET, 3_000_000L, DicomStatus.HAS_DEBT), List.of(POTENTIAL)),
        Arguments.of("dirty", f("Ana", null, "Ñuñoa", BUDGET, 3_000_000L, DicomStatus.DIRTY), List.of(LOST)),
        Arguments.of("income missing", f("Ana", null, "Ñuñoa", BUDGET, null, DicomStatus.CLEAN), List.of()),
        Arguments.of("dicom unknown", f("Ana", null, "Ñuñoa", BUDGET, 3_000_000L, DicomStatus.UNKNOWN), List.of()));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("verdicts")
  void financialQualificationFollowsTheVerdict(String label, QualificationFields fields, List<LeadStage> expected) {
    assertThat(targets(FINANCIAL_QUALIFICATION, fields, 50, false)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}, booked={2} -> {3}")
  @MethodSource("chains")
  void severalMovesInOneCallInPipelineOrder(String label, QualificationFields fields, boolean booked,
                                            List<LeadStage> expected) {
    assertThat(targets(NEW, fields, 60, booked)).isEqualTo(expected);
  }

  static Stream<Arguments> chains() {
    QualificationFields clean = f("Ana", "+569", "Ñuñoa", BUDGET, 3_000_000L, DicomStatus.CLEAN);
    QualificationFields dirty = f("Ana", "+569", "Ñuñoa", BUDGET, 3_000_000L, DicomStatus.DIRTY);
    QualificationFields noIncome = f("Ana", "+569", "Ñuñoa", BUDGET, null, null);
    return Stream.of(
        Arguments.of("all known", clean, false, List.of(PROFILING, FINANCIAL_QUALIFICATION, POTENTIAL)),
        Arguments.of("all known", clean, true, List.of(PROFILING, FINANCIAL_QUALIFICATION, POTENTIAL, SCHEDULED)),
        Arguments.of("verdict pending", noIncome, true, List.of(PROFILING, FINANCIAL_QUALIFICATION, SCHEDULED)),
        Arguments.of("dirty dicom ends the chain", dirty, true, List.of(PROFILING, FINANCIAL_QUALIFICATION, LOST)));
  }

  @ParameterizedTest
  @EnumSource(value = LeadStage.class, names = {"NEW", "PROFILING", "FINANCIAL_QUALIFICATION", "POTENTIAL"})
  void bookedVisitMovesAnyEarlierOpenStageToScheduled(LeadStage stage) {
    assertThat(targets(stage, QualificationFields.EMPTY, 0, true)).containsExactly(SCHEDULED);
  }

  @ParameterizedTest
  @EnumSource(value = LeadStage.class, names = {"SCHEDULED", "WON", "LOST"})
  void scheduledAndClosedStagesNeverMoveAutomatically(LeadStage stage) {
    QualificationFields dirty = f("Ana", "+569", "Ñuñoa", BUDGET, 3_000_000L, DicomStatus.DIRTY);
    QualificationFields clean = f("Ana", "+569", "Ñuñoa", BUDGET, 3_000_000L, DicomStatus.CLEAN);
    assertThat(StageRules.automaticMoves(stage, dirty, 100, true)).isEmpty();
    assertThat(StageRules.automaticMoves(stage, clean, 100, true)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(LeadStage.class)
  void movesOnlyEverGoForward(LeadStage stage) {
    QualificationFields clean = f("Ana", "+569", "Ñuñoa", BUDGET, 3_000_000L, DicomStatus.CLEAN);
    LeadStage previous = stage;
    for (LeadStage to : targets(stage, clean, 100, true)) {
      assertThat(to.ordinal()).isGreaterThan(previous.ordinal());
      previous = to;
    }
  }

  @ParameterizedTest
  @EnumSource(value = LeadStage.class, names = {"FINANCIAL_QUALIFICATION", "POTENTIAL"})
  void laterStagesDoNotStepBackToProfiling(LeadStage stage) {
    QualificationFields early = f("Ana", "+569", null, null, null, null);
    assertThat(targets(stage, early, 0, false)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = LeadStage.class, names = {"NEW", "PROFILING", "FINANCIAL_QUALIFICATION"})
  void everyMoveCarriesAReason(LeadStage stage) {
    QualificationFields clean = f("Ana", "+569", "Ñuñoa", BUDGET, 3_000_000L, DicomStatus.CLEAN);
    assertThat(StageRules.automaticMoves(stage, clean, 60, true))
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.reason()).isNotBlank());
  }
}
