package com.inmo.activities.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a reply into Telegram messages. The Bot API refuses a text over 4,096 characters (counted in UTF-16
 * code units, as Java's {@code String.length()}), so a longer reply goes out as several messages, cut at the
 * last sentence end (or line break) that fits, else (or when that end is in the first half of the message)
 * at the last whitespace, and mid-word only for a single "word" longer than a whole message (never inside
 * a surrogate pair).
 */
public final class TelegramText {

  public static final int MAX_MESSAGE = 4096;

  private static final String SENTENCE_ENDS = ".!?…";
  /** What may follow a sentence end before the space: closing quotes and brackets. */
  private static final String CLOSERS = "\"'”’»)]";

  private TelegramText() {
  }

  public static List<String> split(String text) {
    return split(text, MAX_MESSAGE);
  }

  public static List<String> split(String text, int max) {
    if (text.length() <= max) {
      return List.of(text);
    }
    List<String> parts = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = cutPoint(rest, max);
      parts.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  /** Where to end the next part of {@code s} (longer than {@code max}): a length in (0, max]. */
  private static int cutPoint(String s, int max) {
    int lastSpace = -1;
    for (int i = max; i > 0; i--) {
      char c = s.charAt(i); // the character just after a part of length i
      if (!Character.isWhitespace(c)) {
        continue;
      }
      if (c == '\n' || endsSentence(s, i)) {
        // a sentence end in the first half would leave a stub of a message: a later space is better then
        return i >= max / 2 || lastSpace < 0 ? i : lastSpace;
      }
      if (lastSpace < 0) {
        lastSpace = i;
      }
    }
    if (lastSpace > 0) {
      return lastSpace;
    }
    boolean splitsPair = Character.isHighSurrogate(s.charAt(max - 1)) && Character.isLowSurrogate(s.charAt(max));
    return splitsPair ? max - 1 : max;
  }

  /** Whether {@code s[0, end)} ends a sentence: a terminator, possibly followed by closing quotes. */
  private static boolean endsSentence(String s, int end) {
    int i = end - 1;
    while (i >= 0 && CLOSERS.indexOf(s.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && SENTENCE_ENDS.indexOf(s.charAt(i)) >= 0;
  }
}
