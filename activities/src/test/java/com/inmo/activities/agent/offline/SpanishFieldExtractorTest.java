package com.inmo.activities.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.lead.QualificationFields;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class SpanishFieldExtractorTest {

  /** The zones of the broker used by every row: they must win over the built-in catalog, spelled as given. */
  private static final List<String> BROKER_ZONES = List.of("Ñuñoa Norte", "Reñaca");

  private final SpanishFieldExtractor extractor = new SpanishFieldExtractor();

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} = {2} (asked: {3})")
  @CsvFileSource(resources = "/agent/offline/extraction-cases.csv")
  void extractsOneFieldFromASpanishPhrase(String phrase, String field, String expected, String asked) {
    QualificationFields fields = extractor.extract(phrase, BROKER_ZONES, asked);

    if (field.equals("none")) {
      assertThat(fields).as("nothing extracted from '%s'", phrase).isEqualTo(QualificationFields.EMPTY);
      return;
    }
    Object actual = valueOf(fields, field);
    assertThat(actual == null ? null : actual.toString())
        .as("%s from '%s' (asked: %s), all fields: %s", field, phrase, asked, fields)
        .isEqualTo(expected);
  }

  @Test
  void ufUsesTheRateGivenToTheConstructor() {
    SpanishFieldExtractor todays = new SpanishFieldExtractor(40_000);

    assertThat(todays.extract("hasta UF 3.000", List.of(), null).budgetClp()).isEqualTo(120_000_000L);
    assertThat(extractor.extract("hasta UF 3.000", List.of(), null).budgetClp()).isEqualTo(118_500_000L);
  }

  @Test
  void readsSeveralFieldsFromOneMessage() {
    QualificationFields fields = extractor.extract(
        "Hola, me llamo Carla Soto, busco depto 2D en Ñuñoa, tengo UF 3.000 de presupuesto, gano 1,8 millones "
            + "líquidos, no estoy en dicom, mi cel es 9 8765 4321 y quiero cambiarme en 3 meses",
        List.of(), null);

    assertThat(fields).isEqualTo(new QualificationFields("Carla Soto", "+56987654321", null, "Ñuñoa",
        "departamento", 2, 118_500_000L, 1_800_000L, com.inmo.workflows.lead.DicomStatus.CLEAN, "3 meses"));
  }

  @Test
  void emptyOrMissingTextExtractsNothing() {
    assertThat(extractor.extract(null, null, null)).isEqualTo(QualificationFields.EMPTY);
    assertThat(extractor.extract("   ", List.of(), "name")).isEqualTo(QualificationFields.EMPTY);
  }

  private static Object valueOf(QualificationFields f, String field) {
    return switch (field) {
      case "name" -> f.name();
      case "phone" -> f.phone();
      case "email" -> f.email();
      case "zone" -> f.zone();
      case "propertyType" -> f.propertyType();
      case "bedrooms" -> f.bedrooms();
      case "budgetClp" -> f.budgetClp();
      case "monthlyIncomeClp" -> f.monthlyIncomeClp();
      case "dicom" -> f.dicom();
      case "timeline" -> f.timeline();
      default -> throw new IllegalArgumentException("unknown field in table: " + field);
    };
  }
}
