package com.inmo.activities.agent.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises where the lead is looking. The broker's own zones come first and keep the broker's
 * spelling; then Santiago's communes and the main Chilean cities, returned with their proper spelling
 * ("nunoa" is shown as "Ñuñoa"). A few everyday short forms are understood ("viña", "valpo", "conce",
 * "stgo"). When several places are named, the first one in the message wins.
 */
final class ZoneCatalog {

  private static final List<String> PLACES = List.of(
      // Communes of Gran Santiago
      "Santiago", "Cerrillos", "Cerro Navia", "Conchalí", "El Bosque", "Estación Central", "Huechuraba",
      "Independencia", "La Cisterna", "La Florida", "La Granja", "La Pintana", "La Reina", "Las Condes",
      "Lo Barnechea", "Lo Espejo", "Lo Prado", "Macul", "Maipú", "Ñuñoa", "Pedro Aguirre Cerda", "Peñalolén",
      "Providencia", "Pudahuel", "Quilicura", "Quinta Normal", "Recoleta", "Renca", "San Joaquín",
      "San Miguel", "San Ramón", "Vitacura", "Puente Alto", "San Bernardo", "Colina", "Lampa", "Chicureo",
      "Pirque", "San José de Maipo", "Padre Hurtado", "Peñaflor", "Talagante", "Buin", "Calera de Tango",
      // Other cities
      "Viña del Mar", "Valparaíso", "Concón", "Quilpué", "Villa Alemana", "Concepción", "Talcahuano",
      "San Pedro de la Paz", "La Serena", "Coquimbo", "Temuco", "Antofagasta", "Rancagua", "Talca", "Chillán",
      "Puerto Montt", "Puerto Varas", "Valdivia", "Osorno", "Iquique", "Arica", "Calama", "Copiapó",
      "Punta Arenas", "Los Ángeles", "Curicó");

  private static final Map<String, String> SHORT_FORMS = Map.of(
      "vina", "Viña del Mar", "valpo", "Valparaíso", "conce", "Concepción", "stgo", "Santiago",
      "santiago centro", "Santiago", "pac", "Pedro Aguirre Cerda");

  private final Map<String, String> builtIn = new LinkedHashMap<>();

  ZoneCatalog() {
    for (String place : PLACES) {
      builtIn.put(SpanishText.fold(place), place);
    }
    SHORT_FORMS.forEach(builtIn::putIfAbsent);
  }

  /** The zone named in {@code folded}, or null. */
  String find(String folded, List<String> brokerZones) {
    Map<String, String> brokers = new LinkedHashMap<>();
    for (String zone : brokerZones) {
      if (zone != null && !zone.isBlank()) {
        brokers.put(SpanishText.fold(zone.trim()), zone.trim());
      }
    }
    String broker = firstIn(folded, brokers);
    return broker != null ? broker : firstIn(folded, builtIn);
  }

  /** Whether the whole (short) text is just a known place: then it is not a name. */
  boolean isKnownPlace(String folded, List<String> brokerZones) {
    String trimmed = folded.replaceAll("[^a-z ]", " ").trim().replaceAll("\\s+", " ");
    return builtIn.containsKey(trimmed)
        || brokerZones.stream().anyMatch(z -> z != null && SpanishText.fold(z.trim()).equals(trimmed));
  }

  private static String firstIn(String folded, Map<String, String> places) {
    List<String> keys = new ArrayList<>(places.keySet());
    keys.sort(Comparator.comparingInt(String::length).reversed()); // "san jose de maipo" before "maipo"
    int bestStart = Integer.MAX_VALUE;
    String best = null;
    for (String key : keys) {
      Matcher m = Pattern.compile("(?<![a-z])" + Pattern.quote(key) + "(?![a-z])").matcher(folded);
      if (m.find() && m.start() < bestStart) {
        bestStart = m.start();
        best = places.get(key);
      }
    }
    return best;
  }
}
