package com.inmo.workflows.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualificationFieldsTest {

  private static final QualificationFields OLD = new QualificationFields("Ana", "+56911111111", "ana@x.cl", "Ñuñoa",
      "departamento", 2, 100_000_000L, 2_000_000L, DicomStatus.CLEAN, "3 meses");

  @Test
  void newerKnownValuesWinEveryField() {
    QualificationFields newer = new QualificationFields("Ana María", "+56922222222", "am@x.cl", "Providencia", "casa",
        3, 150_000_000L, 3_000_000L, DicomStatus.HAS_DEBT, "inmediato");
    assertThat(OLD.mergedWith(newer)).isEqualTo(newer);
  }

  @Test
  void unknownNewerValuesKeepTheOlderOnes() {
    assertThat(OLD.mergedWith(QualificationFields.EMPTY)).isEqualTo(OLD);
    assertThat(OLD.mergedWith(null)).isEqualTo(OLD);
  }

  @Test
  void mergeMixesFieldByField() {
    QualificationFields newer = new QualificationFields(null, null, null, "Providencia", null, 3, null, null, null, null);
    assertThat(OLD.mergedWith(newer)).isEqualTo(new QualificationFields("Ana", "+56911111111", "ana@x.cl",
        "Providencia", "departamento", 3, 100_000_000L, 2_000_000L, DicomStatus.CLEAN, "3 meses"));
  }

  @Test
  void emptyMergedWithValuesTakesThem() {
    assertThat(QualificationFields.EMPTY.mergedWith(OLD)).isEqualTo(OLD);
  }

  @ParameterizedTest(name = "older {0} + newer {1} -> {2}")
  @CsvSource(nullValues = "null", value = {
      "CLEAN, UNKNOWN, CLEAN", "HAS_DEBT, UNKNOWN, HAS_DEBT", "DIRTY, UNKNOWN, DIRTY",
      "CLEAN, null, CLEAN", "CLEAN, DIRTY, DIRTY", "DIRTY, CLEAN, CLEAN", "UNKNOWN, HAS_DEBT, HAS_DEBT",
      "null, UNKNOWN, UNKNOWN", "UNKNOWN, null, UNKNOWN", "null, null, null", "null, CLEAN, CLEAN"})
  void dicomUnknownNeverOverwritesAKnownAnswer(DicomStatus older, DicomStatus newer, DicomStatus expected) {
    QualificationFields a = new QualificationFields(null, null, null, null, null, null, null, null, older, null);
    QualificationFields b = new QualificationFields(null, null, null, null, null, null, null, null, newer, null);
    assertThat(a.mergedWith(b).dicom()).isEqualTo(expected);
  }

  @Test
  void missingListsEveryFieldInAskingOrderWhenNothingIsKnown() {
    assertThat(QualificationFields.EMPTY.missing()).containsExactly("name", "zone", "propertyType", "bedrooms",
        "budget", "phone", "timeline", "monthlyIncome", "dicom", "email");
  }

  @Test
  void missingIsEmptyWhenEverythingIsKnown() {
    assertThat(OLD.missing()).isEmpty();
  }

  @Test
  void missingCountsAnUnknownDicomAsMissingAndKeepsTheOrder() {
    QualificationFields f = new QualificationFields("Ana", null, null, "Ñuñoa", null, 2, null, 2_000_000L,
        DicomStatus.UNKNOWN, null);
    assertThat(f.missing()).isEqualTo(List.of("propertyType", "budget", "phone", "timeline", "dicom", "email"));
  }

  @Test
  void withersReplaceOnlyTheirField() {
    assertThat(OLD.withPhone("+569000")).isEqualTo(new QualificationFields("Ana", "+569000", "ana@x.cl", "Ñuñoa",
        "departamento", 2, 100_000_000L, 2_000_000L, DicomStatus.CLEAN, "3 meses"));
    assertThat(OLD.withZone("Maipú")).isEqualTo(new QualificationFields("Ana", "+56911111111", "ana@x.cl", "Maipú",
        "departamento", 2, 100_000_000L, 2_000_000L, DicomStatus.CLEAN, "3 meses"));
  }
}
