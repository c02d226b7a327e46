package com.inmo.activities.agent.offline;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text helpers shared by the offline agent's rules. Leads write on phones: accents, capitals and
 * punctuation are unreliable, so every rule matches against the "folded" form (lower case, no accents,
 * ñ as n) while values that are shown back (names) are taken from the original text.
 */
final class SpanishText {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Locale CHILE = Locale.forLanguageTag("es-CL");

  private SpanishText() {
  }

  /** Lower case without diacritics, same length as the input for the usual Spanish letters. */
  static String fold(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /** "juan PÉREZ" becomes "Juan Pérez": the way a name is shown back to the lead and the broker. */
  static String capitalizeWords(String words) {
    StringBuilder out = new StringBuilder();
    for (String word : words.trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(word.substring(0, 1).toUpperCase(CHILE))
          .append(word.substring(1).toLowerCase(CHILE));
    }
    return out.toString();
  }

  /** Small Spanish number words (as written by leads) to their value, or -1. */
  static int smallNumber(String foldedWord) {
    switch (foldedWord) {
      case "cero": return 0;
      case "un": case "uno": case "una": return 1;
      case "dos": return 2;
      case "tres": return 3;
      case "cuatro": return 4;
      case "cinco": return 5;
      case "seis": return 6;
      case "siete": return 7;
      case "ocho": return 8;
      case "nueve": return 9;
      case "diez": return 10;
      case "once": return 11;
      case "doce": return 12;
      default: return -1;
    }
  }

  /** A number written as digits or as a small Spanish word; -1 when it is neither. */
  static int digitsOrWord(String folded) {
    if (folded.matches("\\d{1,3}")) {
      return Integer.parseInt(folded);
    }
    return smallNumber(folded);
  }

  /** "$80.000.000": the way Chilean pesos are written back to the lead. */
  static String clp(long amount) {
    String digits = Long.toString(Math.abs(amount));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append('.');
      }
      out.append(digits.charAt(i));
    }
    return (amount < 0 ? "-$" : "$") + out;
  }
}
