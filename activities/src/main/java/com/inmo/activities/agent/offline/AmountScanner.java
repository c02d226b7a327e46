package com.inmo.activities.agent.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds money amounts in folded Spanish text, the way Chilean leads write them: "$80.000.000",
 * "80 millones", "80 palos" (slang for millions), "800 lucas" (slang for thousands), "2,5 millones",
 * "dos millones y medio", "ochenta millones", "$1.5M", "UF 3.500", "3500 uf". It only reads numbers;
 * whether an amount is a budget or an income is decided by {@link MoneyExtractor}.
 */
final class AmountScanner {

  /**
   * One amount found. {@code value} is in UF when {@code uf}, else in pesos. {@code bare} means a plain
   * number with no unit, multiplier or thousands dots ("1200000"): only trusted next to a money word.
   */
  record Amount(double value, boolean uf, boolean bare, int start, int end) {
  }

  private static final Pattern TOKEN = Pattern.compile("\\$|\\d+(?:[.,]\\d+)*|[a-z]+|\\S");
  private static final Pattern THOUSANDS_DOTS = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?");
  private static final Pattern THOUSANDS_COMMAS = Pattern.compile("\\d{1,3}(?:,\\d{3})+");
  /** Below this a peso amount is a year, a count or noise, never a budget or a salary. */
  private static final double MIN_PESOS = 10_000;

  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("un", 1), Map.entry("uno", 1), Map.entry("una", 1), Map.entry("dos", 2), Map.entry("tres", 3),
      Map.entry("cuatro", 4), Map.entry("cinco", 5), Map.entry("seis", 6), Map.entry("siete", 7),
      Map.entry("ocho", 8), Map.entry("nueve", 9), Map.entry("diez", 10), Map.entry("once", 11),
      Map.entry("doce", 12), Map.entry("quince", 15), Map.entry("veinte", 20), Map.entry("veinticinco", 25),
      Map.entry("treinta", 30), Map.entry("cuarenta", 40), Map.entry("cincuenta", 50), Map.entry("sesenta", 60),
      Map.entry("setenta", 70), Map.entry("ochenta", 80), Map.entry("noventa", 90), Map.entry("cien", 100),
      Map.entry("ciento", 100), Map.entry("doscientos", 200), Map.entry("doscientas", 200),
      Map.entry("trescientos", 300), Map.entry("trescientas", 300), Map.entry("cuatrocientos", 400),
      Map.entry("cuatrocientas", 400), Map.entry("quinientos", 500), Map.entry("quinientas", 500),
      Map.entry("seiscientos", 600), Map.entry("seiscientas", 600), Map.entry("setecientos", 700),
      Map.entry("setecientas", 700), Map.entry("ochocientos", 800), Map.entry("ochocientas", 800),
      Map.entry("novecientos", 900), Map.entry("novecientas", 900));

  private record Token(String text, int start, int end) {
  }

  List<Amount> scan(String folded) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(folded.replace("u.f.", "uf "));
    while (m.find()) {
      tokens.add(new Token(m.group(), m.start(), m.end()));
    }
    List<Amount> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int consumed = readAmount(tokens, i, out);
      i = consumed > i ? consumed : i + 1;
    }
    return out;
  }

  /** Reads one amount starting at token {@code from}; returns the index after it, or {@code from}. */
  private int readAmount(List<Token> tokens, int from, List<Amount> out) {
    int i = from;
    boolean dollar = false;
    boolean uf = false;
    if (text(tokens, i).equals("$")) {
      dollar = true;
      i++;
    } else if (text(tokens, i).equals("uf") && isNumber(text(tokens, i + 1))) {
      uf = true;
      i++;
    }
    double total = 0;
    double current = 0;
    double lastMultiplier = 0;
    boolean any = false;
    boolean multiplied = false;
    boolean dotted = false;
    boolean pesos = false;
    while (i < tokens.size()) {
      String t = text(tokens, i);
      if (Character.isDigit(t.charAt(0))) {
        if (any && lastMultiplier == 0 && current != 0) {
          break; // "3 2": two numbers in a row are not one amount
        }
        dotted |= THOUSANDS_DOTS.matcher(t).matches() && t.contains(".");
        current += parseNumber(t);
        any = true;
      } else if (WORDS.containsKey(t)) {
        current += WORDS.get(t);
        any = true;
      } else if (any && (t.equals("medio") || t.equals("media"))) {
        if (lastMultiplier > 0 && current == 0) {
          total += 0.5 * lastMultiplier; // "dos millones y medio"
        } else {
          current += 0.5;
        }
      } else if (t.equals("medio") && text(tokens, i + 1).startsWith("millon")) {
        current += 0.5; // "medio millón"
        any = true;
      } else if (any && (t.equals("mil") || t.equals("lucas") || t.equals("luca") || t.equals("k"))) {
        current = current * 1000;
        multiplied = true;
        lastMultiplier = 0;
      } else if (any && (t.startsWith("millon") || t.equals("palos") || t.equals("palo") || t.equals("mm")
          || t.equals("mill") || (t.equals("m") && dollar))) {
        total += current * 1_000_000;
        current = 0;
        lastMultiplier = 1_000_000;
        multiplied = true;
      } else if (any && t.equals("y") && continuesNumber(text(tokens, i + 1))) {
        // "treinta y cinco", "dos millones y medio"
      } else if (any && t.equals("uf")) {
        uf = true;
        i++;
        break;
      } else if (any && (t.equals("pesos") || t.equals("clp"))) {
        pesos = true;
        i++;
        break;
      } else if (any && t.equals("de") && text(tokens, i + 1).equals("pesos") && multiplied) {
        // "2 millones de pesos"
      } else {
        break;
      }
      i++;
    }
    if (!any) {
      return from;
    }
    double value = total + current;
    int start = tokens.get(from).start();
    int end = tokens.get(i - 1).end();
    if (uf) {
      if (value <= 0) {
        return from;
      }
      out.add(new Amount(value, true, false, start, end));
      return i;
    }
    boolean bare = !dollar && !multiplied && !dotted && !pesos;
    if (value < MIN_PESOS) {
      return from;
    }
    out.add(new Amount(value, false, bare, start, end));
    return i;
  }

  private static boolean continuesNumber(String next) {
    return WORDS.containsKey(next) || next.equals("medio") || next.equals("media")
        || (!next.isEmpty() && Character.isDigit(next.charAt(0)));
  }

  private static boolean isNumber(String t) {
    return !t.isEmpty() && (Character.isDigit(t.charAt(0)) || WORDS.containsKey(t));
  }

  private static String text(List<Token> tokens, int i) {
    return i < tokens.size() ? tokens.get(i).text() : "";
  }

  /** Chilean writing: dots group thousands and a comma marks decimals ("2.500,5"); "1.5" is a decimal. */
  static double parseNumber(String t) {
    if (THOUSANDS_DOTS.matcher(t).matches()) {
      return Double.parseDouble(t.replace(".", "").replace(',', '.'));
    }
    if (THOUSANDS_COMMAS.matcher(t).matches()) {
      return Double.parseDouble(t.replace(",", ""));
    }
    String normalized = t.replace(',', '.');
    if (normalized.indexOf('.') != normalized.lastIndexOf('.')) {
      return Double.parseDouble(normalized.replace(".", ""));
    }
    return Double.parseDouble(normalized);
  }
}
