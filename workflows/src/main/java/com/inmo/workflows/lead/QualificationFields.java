package com.inmo.workflows.lead;

import java.util.ArrayList;
import java.util.List;

/**
 * What the agent has learned about a lead. Every field may be unknown ({@code null}); amounts are in
 * Chilean pesos (UF already converted by whoever extracted them).
 *
 * @param propertyType e.g. "departamento", "casa", "oficina", "terreno"
 * @param timeline     free text as normalised by the extractor, e.g. "inmediato", "3 meses", "1 año"
 */
public record QualificationFields(String name, String phone, String email, String zone, String propertyType,
                                  Integer bedrooms, Long budgetClp, Long monthlyIncomeClp, DicomStatus dicom,
                                  String timeline) {

  public static final QualificationFields EMPTY =
      new QualificationFields(null, null, null, null, null, null, null, null, null, null);

  /** These fields with every known value of {@code newer} laid over them (newer answers win). */
  public QualificationFields mergedWith(QualificationFields newer) {
    if (newer == null) {
      return this;
    }
    return new QualificationFields(
        pick(newer.name, name), pick(newer.phone, phone), pick(newer.email, email), pick(newer.zone, zone),
        pick(newer.propertyType, propertyType), pick(newer.bedrooms, bedrooms), pick(newer.budgetClp, budgetClp),
        pick(newer.monthlyIncomeClp, monthlyIncomeClp),
        newer.dicom != null && newer.dicom != DicomStatus.UNKNOWN ? newer.dicom : (dicom != null ? dicom : newer.dicom),
        pick(newer.timeline, timeline));
  }

  /** The names of the fields still unknown, in the order the agent asks for them. */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    if (name == null) {
      out.add("name");
    }
    if (zone == null) {
      out.add("zone");
    }
    if (propertyType == null) {
      out.add("propertyType");
    }
    if (bedrooms == null) {
      out.add("bedrooms");
    }
    if (budgetClp == null) {
      out.add("budget");
    }
    if (phone == null) {
      out.add("phone");
    }
    if (timeline == null) {
      out.add("timeline");
    }
    if (monthlyIncomeClp == null) {
      out.add("monthlyIncome");
    }
    if (dicom == null || dicom == DicomStatus.UNKNOWN) {
      out.add("dicom");
    }
    if (email == null) {
      out.add("email");
    }
    return out;
  }

  public QualificationFields withPhone(String value) {
    return new QualificationFields(name, value, email, zone, propertyType, bedrooms, budgetClp, monthlyIncomeClp,
        dicom, timeline);
  }

  public QualificationFields withZone(String value) {
    return new QualificationFields(name, phone, email, value, propertyType, bedrooms, budgetClp, monthlyIncomeClp,
        dicom, timeline);
  }

  private static <T> T pick(T newer, T older) {
    return newer != null ? newer : older;
  }
}
