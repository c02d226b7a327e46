package com.inmo.activities.agent.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lead's name: "me llamo Juan Pérez", "mi nombre es ana", "soy María José". "Soy" is also
 * how Spanish speakers say where they are from or what they are ("soy de Ñuñoa", "soy casado"), so after
 * "soy" only capitalised words that are not common adjectives or professions count. A bare answer
 * ("Juan Pérez") counts only when the agent just asked for the name (decided by the caller).
 */
final class NameExtractor {

  private static final String WORD = "\\p{L}[\\p{L}'’-]*";
  private static final Pattern INTRO = Pattern.compile(
      "(?iu)(?<!\\p{L})(me llamo|mi nombre es|soy|habla)\\s+(" + WORD + "(?:\\s+" + WORD + "){0,3})");
  private static final Pattern BARE = Pattern.compile("(?u)^\\p{Lu}[\\p{L}'’-]*(?:\\s+" + WORD + "){0,2}$");

  /** Words that end a name: what follows is the rest of the sentence ("Juan y busco depto"). */
  private static final Set<String> STOP = Set.of(
      "y", "e", "de", "del", "la", "las", "los", "el", "tengo", "busco", "quiero", "vivo", "estoy", "soy",
      "me", "mi", "con", "para", "por", "desde", "en", "que", "pero", "gano", "necesito", "un", "una", "ando",
      "estamos", "somos", "trabajo", "buscando", "a", "o", "al", "les", "le", "te", "su", "sus", "tu", "muy",
      "no", "si", "ya", "aca", "aqui", "hola", "gracias", "como", "porque", "pues", "tambien");

  /** Words that are never a name on their own (answers, adjectives, jobs, property words). */
  private static final Set<String> NOT_NAMES = Set.of(
      "casado", "casada", "soltero", "soltera", "divorciado", "divorciada", "viudo", "viuda", "separado",
      "separada", "ingeniero", "ingeniera", "profesor", "profesora", "chileno", "chilena", "extranjero",
      "extranjera", "independiente", "dependiente", "cliente", "nuevo", "nueva", "interesado", "interesada",
      "corredor", "corredora", "dueno", "duena", "propietario", "propietaria", "estudiante", "jubilado",
      "jubilada", "medico", "medica", "doctor", "doctora", "abogado", "abogada", "enfermero", "enfermera",
      "arquitecto", "arquitecta", "tecnico", "contador", "contadora", "mama", "papa", "bot", "robot",
      "humano", "persona", "ok", "bueno", "buena", "buenas", "buenos", "claro", "dale", "perfecto", "vale",
      "listo", "genial", "depto", "departamento", "casa", "oficina", "terreno", "stop", "hey", "saludos",
      "nose", "tal", "vez", "quizas", "obvio", "exacto", "correcto", "super", "bien", "mal", "igual");

  /** The name introduced in {@code text}, properly capitalised, or null. */
  String extract(String text) {
    Matcher m = INTRO.matcher(text);
    while (m.find()) {
      boolean strict = SpanishText.fold(m.group(1)).equals("soy") || SpanishText.fold(m.group(1)).equals("habla");
      String name = leadingName(m.group(2), strict);
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  /** A bare "Juan Pérez" as an answer to "¿Cómo te llamas?", or null when it does not look like a name. */
  String extractBare(String text) {
    String trimmed = text.strip().replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    if (!BARE.matcher(trimmed).matches()) {
      return null;
    }
    for (String word : trimmed.split("\\s+")) {
      String folded = SpanishText.fold(word);
      if (STOP.contains(folded) || NOT_NAMES.contains(folded)) {
        return null;
      }
    }
    return SpanishText.capitalizeWords(trimmed);
  }

  private static String leadingName(String words, boolean strict) {
    List<String> kept = new ArrayList<>();
    for (String word : words.split("\\s+")) {
      String folded = SpanishText.fold(word);
      boolean capitalised = Character.isUpperCase(word.codePointAt(0));
      if (STOP.contains(folded) || NOT_NAMES.contains(folded) || (strict && !capitalised) || kept.size() == 3) {
        break;
      }
      kept.add(word);
    }
    return kept.isEmpty() ? null : SpanishText.capitalizeWords(String.join(" ", kept));
  }
}
