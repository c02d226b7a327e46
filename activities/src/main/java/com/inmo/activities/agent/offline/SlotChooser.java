package com.inmo.activities.agent.offline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the offered visit slots the lead picked: by position ("la primera", "la 2", "opción 3", "2")
 * or by what the lead remembers of it (weekday, day of month, hour: "el martes a las 10", "a las 15:00").
 * The agent has no clock, so relative days ("mañana", "hoy") cannot be resolved and give null, as does
 * anything that fits no slot or more than one: asking again is cheaper than booking the wrong visit.
 */
public final class SlotChooser {

  private static final String MONTH = "(" + String.join("|", SpanishDates.MONTHS) + ")";
  private static final Pattern RELATIVE_DAY =
      Pattern.compile("\\b(hoy|pasado manana)\\b|(?<!\\bla )(?<!\\bpor la )\\bmanana\\b");
  private static final Pattern ORDINAL_WORD = Pattern.compile(
      "\\b(primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|ultim[oa])\\b(?!\\s+de\\s+" + MONTH + ")");
  private static final Pattern NUMBERED = Pattern.compile(
      "(?:\\b(?:opcion|numero|nro|alternativa)\\s*|#|\\bn°\\s*|(?<!\\ba )\\bla\\s+)(\\d{1,2})\\b(?!\\s*[:.h]\\d)");
  private static final Pattern ORDINAL_DIGIT = Pattern.compile("\\b(\\d)(?:ra|da|ro|do|er|era|°|º)(?!\\w)");
  private static final Pattern ONLY_NUMBER = Pattern.compile("^\\W*(\\d{1,2})\\W*$");
  private static final Pattern EL_NUMBER = Pattern.compile(
      "\\bel\\s+(\\d{1,2})\\b(?!\\s*(?:de\\s+" + MONTH + "|[:.h]\\d|hrs|horas|am|pm))");

  private static final Pattern WEEKDAY = Pattern.compile("\\b(" + String.join("|", SpanishDates.WEEKDAYS) + ")\\b");
  private static final Pattern DAY_OF_MONTH = Pattern.compile(
      "\\b(\\d{1,2})\\s+de\\s+" + MONTH + "\\b|\\b(?:dia|el|" + String.join("|", SpanishDates.WEEKDAYS)
          + ")\\s+(\\d{1,2})\\b(?!\\s*(?:[:.h]\\d|hrs|horas|am|pm))");
  private static final Pattern CLOCK = Pattern.compile("\\b(\\d{1,2})[:.h](\\d{2})\\b");
  private static final Pattern AT_HOUR = Pattern.compile(
      "\\ba\\s+las?\\s+(\\d{1,2}|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)\\b"
          + "|\\b(\\d{1,2})\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|hrs|hr|horas|h)\\b");
  private static final Pattern PM = Pattern.compile("\\b(pm|p\\.m\\.|de la tarde|de la noche)|\\d\\s*pm\\b");
  private static final Pattern AM = Pattern.compile("\\b(am|a\\.m\\.|de la manana)\\b|\\d\\s*am\\b");

  /** The offered slot the lead chose in {@code message}, or null when none or more than one fits. */
  public Instant choose(List<Instant> offered, ZoneId zone, String message) {
    if (offered == null || offered.isEmpty() || message == null || message.isBlank()) {
      return null;
    }
    String folded = SpanishText.fold(message);
    if (RELATIVE_DAY.matcher(folded).find()) {
      return null;
    }
    Integer position = position(folded, offered.size());
    if (position != null) {
      return position >= 1 && position <= offered.size() ? offered.get(position - 1) : null;
    }
    return byDescription(offered, zone == null ? SpanishDates.DEFAULT_ZONE : zone, folded);
  }

  /** The 1-based position the lead named ("la última" is the last one), or null. */
  private static Integer position(String folded, int count) {
    Matcher m = ORDINAL_WORD.matcher(folded);
    if (m.find()) {
      String word = m.group(1);
      return word.startsWith("primer") ? 1 : word.startsWith("segund") ? 2 : word.startsWith("tercer") ? 3
          : word.startsWith("cuart") ? 4 : word.startsWith("quint") ? 5 : count;
    }
    for (Pattern p : List.of(NUMBERED, ORDINAL_DIGIT, ONLY_NUMBER)) {
      m = p.matcher(folded);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    m = EL_NUMBER.matcher(folded);
    if (m.find() && Integer.parseInt(m.group(1)) <= count && !WEEKDAY.matcher(folded).find()) {
      return Integer.parseInt(m.group(1)); // "el 2" with three options is the second option, not the 2nd
    }
    return null;
  }

  private static Instant byDescription(List<Instant> offered, ZoneId zone, String folded) {
    Integer weekday = null;
    Matcher m = WEEKDAY.matcher(folded);
    if (m.find()) {
      weekday = SpanishDates.WEEKDAYS.indexOf(m.group(1)) + 1;
    }
    Integer day = null;
    Integer month = null;
    m = DAY_OF_MONTH.matcher(folded);
    if (m.find()) {
      day = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
      month = m.group(2) != null ? SpanishDates.MONTHS.indexOf(m.group(2)) + 1 : null;
    }
    Integer hour = null;
    Integer minute = null;
    m = CLOCK.matcher(folded);
    if (m.find()) {
      hour = Integer.parseInt(m.group(1));
      minute = Integer.parseInt(m.group(2));
    } else if ((m = AT_HOUR.matcher(folded)).find()) {
      hour = SpanishText.digitsOrWord(m.group(1) != null ? m.group(1) : m.group(2));
    }
    if (weekday == null && day == null && hour == null) {
      return null;
    }
    boolean pm = PM.matcher(folded).find();
    boolean am = AM.matcher(folded).find();
    Instant found = null;
    for (Instant slot : offered) {
      ZonedDateTime at = slot.atZone(zone);
      boolean fits = (weekday == null || at.getDayOfWeek().getValue() == weekday)
          && (day == null || at.getDayOfMonth() == day)
          && (month == null || at.getMonthValue() == month)
          && (hour == null || hourFits(at.getHour(), hour, am, pm))
          && (minute == null || at.getMinute() == minute);
      if (fits) {
        if (found != null) {
          return null; // ambiguous: "el martes" when two Tuesday slots were offered
        }
        found = slot;
      }
    }
    return found;
  }

  /** "a las 3" in Chile is usually 15:00; without am/pm both readings are tried against the offer. */
  private static boolean hourFits(int slotHour, int said, boolean am, boolean pm) {
    if (said > 12 || am) {
      return slotHour == (said == 12 && am ? 0 : said);
    }
    int afternoon = said == 12 ? 12 : said + 12;
    return pm ? slotHour == afternoon : slotHour == said || slotHour == afternoon;
  }
}
