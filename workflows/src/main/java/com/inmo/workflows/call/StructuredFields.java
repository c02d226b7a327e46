package com.inmo.workflows.call;

import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The qualification fields a voice provider extracted from a call (VAPI's {@code analysis.structuredData},
 * shaped by {@link #SCHEMA_PROPERTIES}), read leniently: a model fills these in, so "85.000.000", 85000000 and
 * "2" are all numbers, and a value that makes no sense is dropped rather than failing the whole report. Pure:
 * each side reads the JSON into a map and calls this.
 */
public final class StructuredFields {

  /** Property name → JSON schema type and the Spanish description the provider's model reads. */
  public static final Map<String, List<String>> SCHEMA_PROPERTIES = schema();

  private static final List<String> UNKNOWN_WORDS = List.of("", "null", "none", "n/a", "unknown", "desconocido",
      "no sabe", "no indica", "no informado");

  private StructuredFields() {
  }

  private static Map<String, List<String>> schema() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("name", List.of("string", "Nombre completo del cliente, si lo dijo"));
    p.put("email", List.of("string", "Correo electrónico del cliente, si lo dijo"));
    p.put("zone", List.of("string", "Comuna o zona donde busca propiedad"));
    p.put("propertyType", List.of("string", "Tipo de propiedad: departamento, casa, oficina, terreno o local"));
    p.put("bedrooms", List.of("integer", "Número de dormitorios que busca"));
    p.put("budgetClp", List.of("integer", "Presupuesto total en pesos chilenos (convierte UF a pesos)"));
    p.put("monthlyIncomeClp", List.of("integer", "Renta o ingreso líquido mensual en pesos chilenos"));
    p.put("dicom", List.of("string", "Situación en DICOM: CLEAN (sin deudas), HAS_DEBT (deudas al día), "
        + "DIRTY (morosidad en DICOM) o UNKNOWN"));
    p.put("timeline", List.of("string", "Plazo para comprar o arrendar: inmediato, 3 meses, 6 meses, 1 año…"));
    return java.util.Collections.unmodifiableMap(p);
  }

  /** The fields found in {@code data}; {@link QualificationFields#EMPTY} for null or nothing usable. */
  public static QualificationFields from(Map<String, ?> data) {
    if (data == null || data.isEmpty()) {
      return QualificationFields.EMPTY;
    }
    String propertyType = text(data.get("propertyType"));
    Long bedrooms = within(number(data.get("bedrooms")), 0, 20);
    return new QualificationFields(text(data.get("name")), null, email(data.get("email")), text(data.get("zone")),
        propertyType == null ? null : propertyType.toLowerCase(Locale.ROOT),
        bedrooms == null ? null : bedrooms.intValue(), within(number(data.get("budgetClp")), 1, 1_000_000_000_000L),
        within(number(data.get("monthlyIncomeClp")), 1, 10_000_000_000L), dicom(data.get("dicom")),
        text(data.get("timeline")));
  }

  static String text(Object value) {
    if (!(value instanceof String) && !(value instanceof Number)) {
      return null;
    }
    String s = String.valueOf(value).trim();
    if (UNKNOWN_WORDS.contains(s.toLowerCase(Locale.ROOT)) || s.length() > 200) {
      return null;
    }
    return s;
  }

  private static String email(Object value) {
    String s = text(value);
    return s != null && s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? s.toLowerCase(Locale.ROOT) : null;
  }

  static Long number(Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? Math.round(d) : null;
    }
    String s = text(value);
    if (s == null) {
      return null;
    }
    if (s.matches("[0-9]+[.,][0-9]{1,2}")) {
      return Math.round(Double.parseDouble(s.replace(',', '.')));
    }
    // thousands separators as Chileans write them ("85.000.000", "1,200,000"): digits only
    String digits = s.replaceAll("[^0-9]", "");
    if (digits.isEmpty() || digits.length() > 15 || !s.matches("[\\s$]*[0-9][0-9.,\\s]*(CLP|clp|pesos)?\\s*")) {
      return null;
    }
    return Long.parseLong(digits);
  }

  private static Long within(Long n, long min, long max) {
    return n == null || n < min || n > max ? null : n;
  }

  static DicomStatus dicom(Object value) {
    String s = text(value);
    if (s == null) {
      return null;
    }
    String v = s.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (DicomStatus status : DicomStatus.values()) {
      if (status.name().equals(v)) {
        return status;
      }
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.contains("moros") || lower.contains("sucio")) {
      return DicomStatus.DIRTY;
    }
    if (lower.contains("deuda")) {
      return lower.startsWith("sin") ? DicomStatus.CLEAN : DicomStatus.HAS_DEBT;
    }
    if (lower.contains("limpio")) {
      return DicomStatus.CLEAN;
    }
    return DicomStatus.UNKNOWN;
  }
}
