package com.inmo.activities.agent.offline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the lead wants to buy or rent, normalised to a few stable values the scoring can compare:
 * "inmediato", "N meses" (or "1 mes"), "N años" (or "1 año"), "este año", "próximo año", "sin apuro".
 */
final class TimelineExtractor {

  private static final Pattern NO_HURRY = Pattern.compile(
      "\\b(sin apuro|no tengo apuro|no hay apuro|sin prisa|no tengo prisa|con calma|sin urgencia"
          + "|solo (estoy )?mirando|solo cotizando|a futuro)\\b");
  private static final Pattern IMMEDIATE = Pattern.compile(
      "\\b(lo antes posible|lo mas pronto posible|cuanto antes|urgente|urgencia|de inmediato|inmediat[oa]"
          + "|este mismo mes|este mes|al tiro|altiro|ahora mismo|ya mismo|para ya|lo (necesito|quiero) ya)\\b");
  private static final Pattern BARE_YA = Pattern.compile("^\\W*ya\\W*$");
  private static final String COUNT =
      "(\\d{1,2}|un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)";
  private static final Pattern MONTHS = Pattern.compile(
      "\\b(?:en|dentro de|a|unos|de aqui a|para|como|entre)\\s+(?:unos\\s+|un plazo de\\s+)?" + COUNT
          + "\\s+mes(?:es)?\\b");
  private static final Pattern YEARS = Pattern.compile(
      "\\b(?:en|dentro de|unos|de aqui a|para)\\s+(?:unos\\s+)?" + COUNT + "\\s+anos?\\b");
  private static final Pattern HALF_YEAR = Pattern.compile("\\b(medio ano|seis meses)\\b");
  private static final Pattern COUPLE_OF_MONTHS = Pattern.compile("\\bun par de meses\\b");
  private static final Pattern THIS_YEAR =
      Pattern.compile("\\b(este ano|durante el ano|antes de fin de ano|a fin de ano)\\b");
  private static final Pattern NEXT_YEAR = Pattern.compile(
      "\\b(proximo ano|el otro ano|ano que viene|el ano siguiente|ano siguiente|siguiente ano)\\b");

  /**
   * The lead's timeline in {@code folded} text ("año" folds to "ano"), or null.
   *
   * @param timelineAsked a bare "ya" is Chilean for "ok" too: it means "right now" only as an answer to
   *                      "¿Para cuándo...?"
   */
  String extract(String folded, boolean timelineAsked) {
    if (NO_HURRY.matcher(folded).find()) {
      return "sin apuro";
    }
    if (IMMEDIATE.matcher(folded).find() || (timelineAsked && BARE_YA.matcher(folded).matches())) {
      return "inmediato";
    }
    if (COUPLE_OF_MONTHS.matcher(folded).find()) {
      return "2 meses";
    }
    Matcher m = MONTHS.matcher(folded);
    if (m.find()) {
      int n = SpanishText.digitsOrWord(m.group(1));
      return n == 1 ? "1 mes" : n + " meses";
    }
    if (HALF_YEAR.matcher(folded).find()) {
      return "6 meses";
    }
    if (NEXT_YEAR.matcher(folded).find()) {
      return "próximo año";
    }
    if (THIS_YEAR.matcher(folded).find()) {
      return "este año";
    }
    m = YEARS.matcher(folded);
    if (m.find()) {
      int n = SpanishText.digitsOrWord(m.group(1));
      return n == 1 ? "1 año" : n + " años";
    }
    return null;
  }
}
