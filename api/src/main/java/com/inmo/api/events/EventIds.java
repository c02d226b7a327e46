package com.inmo.api.events;

/** Event ids as the replay log gives them: {@code <milliseconds>-<sequence>}, ordered by both. */
final class EventIds {

  private EventIds() {
  }

  record Id(long millis, long sequence, String text) {
  }

  /** The id, or null for anything else (a blank header, an id of another kind). */
  static Id parse(String id) {
    if (id == null) {
      return null;
    }
    String s = id.trim();
    int dash = s.indexOf('-');
    if (dash < 1 || dash == s.length() - 1) {
      return null;
    }
    try {
      long millis = Long.parseLong(s.substring(0, dash));
      long sequence = Long.parseLong(s.substring(dash + 1));
      return millis < 0 || sequence < 0 ? null : new Id(millis, sequence, s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether {@code id} comes after {@code last}; an id that is not a log id is never "after". */
  static boolean isAfter(String id, Id last) {
    Id other = parse(id);
    if (other == null) {
      return false;
    }
    return other.millis() != last.millis() ? other.millis() > last.millis() : other.sequence() > last.sequence();
  }
}
