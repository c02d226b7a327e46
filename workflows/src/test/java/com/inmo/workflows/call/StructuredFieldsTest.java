package com.inmo.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredFieldsTest {

  @Test
  void readsWhatAModelWritesLeniently() {
    Map<String, Object> data = new HashMap<>();
    data.put("name", " Ana Rojas ");
    data.put("email", "Ana@Example.CL");
    data.put("zone", "Ñuñoa");
    data.put("propertyType", "Departamento");
    data.put("bedrooms", "2");
    data.put("budgetClp", "$ 85.000.000");
    data.put("monthlyIncomeClp", 1_800_000.0);
    data.put("dicom", "CLEAN");
    data.put("timeline", "3 meses");
    data.put("somethingElse", true);

    QualificationFields f = StructuredFields.from(data);

    assertThat(f).isEqualTo(new QualificationFields("Ana Rojas", null, "ana@example.cl", "Ñuñoa", "departamento", 2,
        85_000_000L, 1_800_000L, DicomStatus.CLEAN, "3 meses"));
  }

  @Test
  void dropsWhatMakesNoSense() {
    Map<String, Object> data = new HashMap<>();
    data.put("name", "desconocido");
    data.put("email", "no tiene");
    data.put("bedrooms", 45);
    data.put("budgetClp", "85 millones");
    data.put("monthlyIncomeClp", -3);
    data.put("zone", Map.of("nested", "object"));
    data.put("timeline", null);

    assertThat(StructuredFields.from(data)).isEqualTo(QualificationFields.EMPTY);
    assertThat(StructuredFields.from(null)).isEqualTo(QualificationFields.EMPTY);
  }

  @Test
  void dicomInSpanishToo() {
    assertThat(StructuredFields.dicom("moroso")).isEqualTo(DicomStatus.DIRTY);
    assertThat(StructuredFields.dicom("tiene deudas al día")).isEqualTo(DicomStatus.HAS_DEBT);
    assertThat(StructuredFields.dicom("sin deudas")).isEqualTo(DicomStatus.CLEAN);
    assertThat(StructuredFields.dicom("has-debt")).isEqualTo(DicomStatus.HAS_DEBT);
    assertThat(StructuredFields.dicom("no sé")).isEqualTo(DicomStatus.UNKNOWN);
  }

  @Test
  void theSchemaNamesEveryFieldItReads() {
    assertThat(StructuredFields.SCHEMA_PROPERTIES).containsKeys("name", "email", "zone", "propertyType", "bedrooms",
        "budgetClp", "monthlyIncomeClp", "dicom", "timeline");
  }
}
