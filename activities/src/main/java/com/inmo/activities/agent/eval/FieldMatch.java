package com.inmo.activities.agent.eval;

import com.inmo.workflows.lead.QualificationFields;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares extracted fields with the expected ones the way a broker would: names, zones and property
 * types without accents or capitals, phones by digits, amounts within 2% (UF conversions and rounding),
 * timelines by number and unit ("3 meses" = "en 3 meses", "1 año" = "un año").
 */
final class FieldMatch {

  /** One scored field: its name, the expected and actual values, and whether they match. */
  record Check(String field, Object expected, Object actual, boolean correct, boolean spurious) {
  }

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NUMBER = Pattern.compile("(\\d+)");

  private FieldMatch() {
  }

  /**
   * Every expected field (correct or not) and every spurious one: a value extracted where none was
   * expected and that differs from what was already known.
   */
  static List<Check> compare(QualificationFields expected, QualificationFields actual, QualificationFields known) {
    List<Check> out = new ArrayList<>();
    check(out, "name", expected, actual, known, QualificationFields::name, FieldMatch::sameText);
    check(out, "phone", expected, actual, known, QualificationFields::phone, FieldMatch::sameDigits);
    check(out, "email", expected, actual, known, QualificationFields::email, FieldMatch::sameText);
    check(out, "zone", expected, actual, known, QualificationFields::zone, FieldMatch::sameText);
    check(out, "propertyType", expected, actual, known, QualificationFields::propertyType, FieldMatch::samePropertyType);
    check(out, "bedrooms", expected, actual, known, QualificationFields::bedrooms, Objects::equals);
    check(out, "budgetClp", expected, actual, known, QualificationFields::budgetClp, FieldMatch::closeAmount);
    check(out, "monthlyIncomeClp", expected, actual, known, QualificationFields::monthlyIncomeClp,
        FieldMatch::closeAmount);
    check(out, "dicom", expected, actual, known, QualificationFields::dicom, Objects::equals);
    check(out, "timeline", expected, actual, known, QualificationFields::timeline, FieldMatch::sameTimeline);
    return out;
  }

  private interface Same {
    boolean test(Object expected, Object actual);
  }

  private static <T> void check(List<Check> out, String field, QualificationFields expected,
                                QualificationFields actual, QualificationFields known,
                                Function<QualificationFields, T> get, Same same) {
    T want = get.apply(expected);
    T got = get.apply(actual);
    if (want != null) {
      out.add(new Check(field, want, got, got != null && same.test(want, got), false));
    } else if (got != null) {
      T before = get.apply(known);
      if (before == null || !same.test(before, got)) {
        out.add(new Check(field, null, got, false, true));
      }
    }
  }

  static String fold(Object value) {
    String text = Normalizer.normalize(String.valueOf(value), Normalizer.Form.NFD);
    return MARKS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  private static boolean sameText(Object a, Object b) {
    return fold(a).equals(fold(b));
  }

  private static boolean sameDigits(Object a, Object b) {
    String x = String.valueOf(a).replaceAll("\\D", "");
    String y = String.valueOf(b).replaceAll("\\D", "");
    return x.endsWith(y) || y.endsWith(x) ? Math.min(x.length(), y.length()) >= 8 : false;
  }

  private static boolean samePropertyType(Object a, Object b) {
    String x = fold(a);
    String y = fold(b);
    return x.equals(y) || x.startsWith(y) || y.startsWith(x);
  }

  private static boolean closeAmount(Object a, Object b) {
    double x = ((Number) a).doubleValue();
    double y = ((Number) b).doubleValue();
    return Math.abs(x - y) <= 0.02 * Math.abs(x);
  }

  private static boolean sameTimeline(Object a, Object b) {
    String x = words(fold(a));
    String y = words(fold(b));
    if (x.equals(y) || x.contains(y) || y.contains(x)) {
      return true;
    }
    Matcher mx = NUMBER.matcher(x);
    Matcher my = NUMBER.matcher(y);
    return mx.find() && my.find() && mx.group(1).equals(my.group(1)) && unit(x).equals(unit(y)) && !unit(x).isEmpty();
  }

  private static String words(String folded) {
    return folded.replaceAll("\\b(un|uno|una)\\b", "1").replaceAll("\\bdos\\b", "2").replaceAll("\\btres\\b", "3")
        .replaceAll("\\bseis\\b", "6").replaceAll("\\b(en|dentro de|unos|aprox\\w*)\\b", " ").replaceAll("\\s+", " ")
        .strip();
  }

  private static String unit(String folded) {
    if (folded.matches(".*\\bmes(es)?\\b.*")) {
      return "mes";
    }
    if (folded.matches(".*\\bano(s)?\\b.*")) {
      return "ano";
    }
    if (folded.matches(".*\\bsemanas?\\b.*")) {
      return "semana";
    }
    return "";
  }
}
