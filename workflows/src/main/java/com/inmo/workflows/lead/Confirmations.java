package com.inmo.workflows.lead;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a lead's short answer is a yes, as Chileans write it ("sí", "ya", "dale", "ok, llámame"). Pure and
 * deliberately strict: only an answer that starts with a yes and says no "no" counts; anything else is read as
 * the conversation moving on.
 */
public final class Confirmations {

  private static final Set<String> YES = Set.of("si", "sii", "sip", "ya", "dale", "ok", "okay", "okey", "oki",
      "claro", "correcto", "confirmo", "exacto", "efectivamente", "afirmativo", "bueno", "perfecto", "listo",
      "obvio", "llamame", "llameme", "porfa", "porfavor", "yes");
  private static final Set<String> NEGATIONS = Set.of("no", "nop", "nope", "tampoco", "incorrecto", "equivocado",
      "negativo");

  private Confirmations() {
  }

  public static boolean isYes(String text) {
    if (text == null) {
      return false;
    }
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim();
    if (plain.isEmpty() || plain.length() > 80) {
      return false;
    }
    String[] words = plain.split("\\s+");
    for (String w : words) {
      if (NEGATIONS.contains(w)) {
        return false;
      }
    }
    return YES.contains(words[0]) || plain.startsWith("es correcto") || plain.startsWith("ese es")
        || plain.startsWith("por favor");
  }
}
