package com.inmo.workflows.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.LeadStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LeadScoringTest {

  private static final QualificationFields E = QualificationFields.EMPTY;
  private static final QualificationFields FULL = new QualificationFields("Ana", "+56911111111", "ana@x.cl",
      "Ñuñoa", "departamento", 2, 100_000_000L, 3_000_000L, DicomStatus.CLEAN, "inmediato");

  private static QualificationFields fields(String name, String phone, String email, String zone, String type,
                                            Integer bedrooms, Long budget, Long income, DicomStatus dicom,
                                            String timeline) {
    return new QualificationFields(name, phone, email, zone, type, bedrooms, budget, income, dicom, timeline);
  }

  private static QualificationFields money(Long budget, Long income, DicomStatus dicom) {
    return fields(null, null, null, null, null, null, budget, income, dicom, null);
  }

  private static ScoreBreakdown scoreOf(QualificationFields f) {
    return LeadScoring.score(new ScoreInputs(f, 0, false, false, false, false), ScoreThresholds.DEFAULTS);
  }

  static Stream<Arguments> profileCases() {
    return Stream.of(
        Arguments.of("nothing known", E, 0),
        Arguments.of("name", fields("Ana", null, null, null, null, null, null, null, null, null), 5),
        Arguments.of("phone", fields(null, "+569", null, null, null, null, null, null, null, null), 7),
        Arguments.of("email", fields(null, null, "a@b.cl", null, null, null, null, null, null, null), 3),
        Arguments.of("zone", fields(null, null, null, "Providencia", null, null, null, null, null, null), 6),
        Arguments.of("property type", fields(null, null, null, null, "casa", null, null, null, null, null), 5),
        Arguments.of("bedrooms", fields(null, null, null, null, null, 3, null, null, null, null), 4),
        Arguments.of("timeline inmediato", fields(null, null, null, null, null, null, null, null, null, "inmediato"), 5),
        Arguments.of("timeline INMEDIATO", fields(null, null, null, null, null, null, null, null, null, "INMEDIATO"), 5),
        Arguments.of("timeline 1 mes", fields(null, null, null, null, null, null, null, null, null, "1 mes"), 5),
        Arguments.of("timeline 3 meses", fields(null, null, null, null, null, null, null, null, null, "3 meses"), 5),
        Arguments.of("timeline 4 meses", fields(null, null, null, null, null, null, null, null, null, "4 meses"), 3),
        Arguments.of("timeline 1 año", fields(null, null, null, null, null, null, null, null, null, "1 año"), 3),
        Arguments.of("everything", FULL, 35));
  }

  @ParameterizedTest(name = "{0} -> profile {2}")
  @MethodSource("profileCases")
  void profilePointsPerKnownField(String label, QualificationFields f, int expected) {
    assertThat(scoreOf(f).profile()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} messages, wantsVisit={1}, booked={2} -> {3}")
  @CsvSource({
      "0, false, false, 0", "1, false, false, 3", "4, false, false, 12", "5, false, false, 15",
      "10, false, false, 15", "0, true, false, 5", "0, false, true, 10", "0, true, true, 15",
      "5, true, false, 20", "3, true, true, 24", "5, false, true, 25", "5, true, true, 25", "50, true, true, 25"})
  void engagementIsCappedAt25(int inbound, boolean wantsVisit, boolean booked, int expected) {
    ScoreBreakdown b = LeadScoring.score(new ScoreInputs(E, inbound, wantsVisit, booked, false, false),
        ScoreThresholds.DEFAULTS);
    assertThat(b.engagement()).isEqualTo(expected);
    assertThat(b.total()).isEqualTo(expected);
  }

  static Stream<Arguments> financialCases() {
    return Stream.of(
        Arguments.of("budget only", money(100_000_000L, null, null), 10, 0),
        Arguments.of("income only", money(null, 3_000_000L, null), 8, 0),
        Arguments.of("budget + income affordable", money(100_000_000L, 3_000_000L, null), 26, 0),
        Arguments.of("budget + income not affordable", money(100_000_000L, 1_000_000L, null), 18, 0),
        Arguments.of("dicom clean", money(null, null, DicomStatus.CLEAN), 14, 0),
        Arguments.of("dicom has debt", money(null, null, DicomStatus.HAS_DEBT), 6, 0),
        Arguments.of("dicom unknown", money(null, null, DicomStatus.UNKNOWN), 0, 0),
        Arguments.of("dicom dirty", money(null, null, DicomStatus.DIRTY), 0, 20),
        Arguments.of("all, clean, affordable", money(100_000_000L, 3_000_000L, DicomStatus.CLEAN), 40, 0),
        Arguments.of("all, dirty, affordable", money(100_000_000L, 3_000_000L, DicomStatus.DIRTY), 26, 20));
  }

  @ParameterizedTest(name = "{0} -> financial {2}, penalties {3}")
  @MethodSource("financialCases")
  void financialPointsAndDicomPenalty(String label, QualificationFields f, int financial, int penalties) {
    ScoreBreakdown b = scoreOf(f);
    assertThat(b.financial()).isEqualTo(financial);
    assertThat(b.penalties()).isEqualTo(penalties);
    assertThat(b.total()).isEqualTo(Math.max(0, financial - penalties));
  }

  @Test
  void frustrationCostsFivePointsAndAddsToTheDicomPenalty() {
    QualificationFields f = fields("Ana", "+569", null, null, null, null, 100_000_000L, null, DicomStatus.DIRTY, null);
    ScoreBreakdown b = LeadScoring.score(new ScoreInputs(f, 2, false, false, true, false), ScoreThresholds.DEFAULTS);
    assertThat(b.profile()).isEqualTo(12);
    assertThat(b.engagement()).isEqualTo(6);
    assertThat(b.financial()).isEqualTo(10);
    assertThat(b.penalties()).isEqualTo(25);
    assertThat(b.total()).isEqualTo(3);
  }

  @Test
  void totalIsClampedAtZeroWhenPenaltiesExceedThePoints() {
    ScoreBreakdown b = LeadScoring.score(new ScoreInputs(money(100_000_000L, null, DicomStatus.DIRTY), 0, false,
        false, true, false), ScoreThresholds.DEFAULTS);
    assertThat(b.penalties()).isEqualTo(25);
    assertThat(b.total()).isZero();
    assertThat(b.status()).isEqualTo(LeadStatus.COLD);
  }

  @Test
  void everythingKnownAndEngagedScoresExactlyTheMaximum() {
    ScoreBreakdown b = LeadScoring.score(new ScoreInputs(FULL, 9, true, true, false, false), ScoreThresholds.DEFAULTS);
    assertThat(b).isEqualTo(new ScoreBreakdown(100, 35, 25, 40, 0, LeadStatus.QUALIFIED));
  }

  @Test
  void optedOutLeadScoresZeroWhateverIsKnown() {
    ScoreBreakdown b = LeadScoring.score(new ScoreInputs(FULL, 9, true, true, false, true), ScoreThresholds.DEFAULTS);
    assertThat(b).isEqualTo(new ScoreBreakdown(0, 0, 0, 0, 0, LeadStatus.COLD));
  }

  @ParameterizedTest(name = "score {0} -> {1}")
  @CsvSource({"0, COLD", "20, COLD", "21, WARM", "49, WARM", "50, HOT", "74, HOT", "75, QUALIFIED", "100, QUALIFIED"})
  void statusBoundariesWithDefaults(int score, LeadStatus expected) {
    assertThat(LeadScoring.status(score, ScoreThresholds.DEFAULTS)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "({0},{1},{2},{3}) score {4} -> {5}")
  @CsvSource({
      "10, 30, 30, 60, 10, COLD", "10, 30, 30, 60, 11, WARM", "10, 30, 30, 60, 29, WARM",
      "10, 30, 30, 60, 30, HOT", "10, 30, 30, 60, 59, HOT", "10, 30, 30, 60, 60, QUALIFIED",
      "40, 70, 70, 90, 40, COLD", "40, 70, 70, 90, 41, WARM", "40, 70, 70, 90, 69, WARM",
      "40, 70, 70, 90, 70, HOT", "40, 70, 70, 90, 89, HOT", "40, 70, 70, 90, 90, QUALIFIED"})
  void statusBoundariesWithCustomThresholds(int coldMax, int warmMax, int hotMin, int qualifiedMin, int score,
                                            LeadStatus expected) {
    assertThat(LeadScoring.status(score, new ScoreThresholds(coldMax, warmMax, hotMin, qualifiedMin)))
        .isEqualTo(expected);
  }

  @Test
  void scoreUsesTheThresholdsItIsGiven() {
    QualificationFields profileOnly = fields("Ana", "+569", "a@b.cl", "Ñuñoa", "casa", 2, null, null, null, "inmediato");
    ScoreInputs total35 = new ScoreInputs(profileOnly, 0, false, false, false, false);
    ScoreInputs total75 = new ScoreInputs(FULL, 0, false, false, false, false);
    assertThat(LeadScoring.score(total35, ScoreThresholds.DEFAULTS).status()).isEqualTo(LeadStatus.WARM);
    assertThat(LeadScoring.score(total35, new ScoreThresholds(10, 30, 30, 60)).status()).isEqualTo(LeadStatus.HOT);
    assertThat(LeadScoring.score(total75, ScoreThresholds.DEFAULTS).status()).isEqualTo(LeadStatus.QUALIFIED);
    assertThat(LeadScoring.score(total75, new ScoreThresholds(40, 70, 70, 90)).status()).isEqualTo(LeadStatus.HOT);
  }

  static Stream<Arguments> verdictCases() {
    return Stream.of(
        Arguments.of("dirty, nothing else known", money(null, null, DicomStatus.DIRTY), Optional.of(FinancialVerdict.NO_CALIFICADO)),
        Arguments.of("dirty, affordable", money(100_000_000L, 9_000_000L, DicomStatus.DIRTY), Optional.of(FinancialVerdict.NO_CALIFICADO)),
        Arguments.of("budget missing", money(null, 3_000_000L, DicomStatus.CLEAN), Optional.empty()),
        Arguments.of("income missing", money(100_000_000L, null, DicomStatus.CLEAN), Optional.empty()),
        Arguments.of("dicom missing", money(100_000_000L, 3_000_000L, null), Optional.empty()),
        Arguments.of("dicom unknown", money(100_000_000L, 3_000_000L, DicomStatus.UNKNOWN), Optional.empty()),
        Arguments.of("clean, affordable", money(100_000_000L, 3_000_000L, DicomStatus.CLEAN), Optional.of(FinancialVerdict.CALIFICADO)),
        Arguments.of("clean, not affordable", money(100_000_000L, 1_000_000L, DicomStatus.CLEAN), Optional.of(FinancialVerdict.POTENCIAL)),
        Arguments.of("has debt, affordable", money(100_000_000L, 3_000_000L, DicomStatus.HAS_DEBT), Optional.of(FinancialVerdict.POTENCIAL)),
        Arguments.of("has debt, not affordable", money(100_000_000L, 1_000_000L, DicomStatus.HAS_DEBT), Optional.of(FinancialVerdict.POTENCIAL)));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("verdictCases")
  void verdict(String label, QualificationFields f, Optional<FinancialVerdict> expected) {
    assertThat(LeadScoring.verdict(f)).isEqualTo(expected);
  }

  /** budget × 0.0044 == income × 0.25 exactly (11 × budget == 625 × income): affordable; one peso less: not. */
  @ParameterizedTest(name = "budget {0}, income {1} -> {2}")
  @CsvSource({
      "100000000, 1760000, CALIFICADO", "100000000, 1759999, POTENCIAL",
      "50000000, 880000, CALIFICADO", "50000000, 879999, POTENCIAL",
      "200000000, 3520000, CALIFICADO", "200000000, 3519999, POTENCIAL"})
  void verdictAtTheAffordabilityBoundary(long budget, long income, FinancialVerdict expected) {
    assertThat(LeadScoring.verdict(money(budget, income, DicomStatus.CLEAN))).contains(expected);
  }

  @ParameterizedTest(name = "budget {0}, income {1} is exactly affordable")
  @CsvSource({"110000000, 1936000", "100000000, 1760000"})
  void verdictExactlyAtAffordabilityIsCalificadoWithoutRoundingError(long budget, long income) {
    assertThat(LeadScoring.verdict(money(budget, income, DicomStatus.CLEAN))).contains(FinancialVerdict.CALIFICADO);
  }
}
