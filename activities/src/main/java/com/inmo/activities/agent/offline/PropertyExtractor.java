package com.inmo.activities.agent.offline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of property the lead wants and how many bedrooms, from folded text. Chilean listings
 * abbreviate a lot ("depto 3D2B" = three bedrooms, two bathrooms), and "pieza" is the everyday word for a
 * bedroom. A parking space or storage room only counts as the property wanted when it is what the lead
 * is after ("busco un estacionamiento"), not a feature asked about ("¿tiene estacionamiento?").
 */
final class PropertyExtractor {

  /** Checked in this order: the main property wins over an extra ("depto con bodega"). */
  private static final Map<String, Pattern> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("departamento", Pattern.compile("\\b(departamentos?|deptos?|dptos?|depts?|depas?)\\b"));
    TYPES.put("casa", Pattern.compile("(?<!\\ben )\\bcasas?\\b(?! de (mis|mi|un|una)\\b)"));
    TYPES.put("oficina", Pattern.compile("\\boficinas?\\b"));
    TYPES.put("terreno", Pattern.compile("\\b(terrenos?|parcelas?|sitios?)\\b(?! web)"));
    TYPES.put("local comercial",
        Pattern.compile("\\b(local(es)? comercial(es)?|(un|el) local\\b(?! de)|locales\\b)"));
    TYPES.put("bodega",
        Pattern.compile("\\b(busco|quiero|comprar|arrendar|necesito|un|una|solo)\\s+(una\\s+)?bodegas?\\b"));
    TYPES.put("estacionamiento", Pattern.compile(
        "\\b(busco|quiero|comprar|arrendar|necesito|un|solo)\\s+(un\\s+)?estacionamientos?\\b"));
  }

  private static final String COUNT = "(\\d{1,2}|un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho)";
  private static final Pattern BEDROOMS = Pattern.compile(
      "\\b" + COUNT + "\\s*(dormitorios?|dorms?|piezas?|habitaciones?|habs?|recamaras?|cuartos?)\\b");
  /** "3D", "3D2B", "2d 1b": the listing shorthand. */
  private static final Pattern SHORTHAND = Pattern.compile("\\b(\\d)\\s?d(\\s?\\d\\s?b)?\\b");
  private static final Pattern STUDIO = Pattern.compile("\\b(monoambientes?|studios?|estudio tipo loft)\\b");
  private static final Pattern BARE_COUNT = Pattern.compile("^\\D*?\\b" + COUNT + "\\b\\D*$");

  String propertyType(String folded) {
    for (Map.Entry<String, Pattern> type : TYPES.entrySet()) {
      if (type.getValue().matcher(folded).find()) {
        return type.getKey();
      }
    }
    if (STUDIO.matcher(folded).find()) {
      return "departamento"; // a studio is always an apartment
    }
    return null;
  }

  /**
   * @param bedroomsAsked the agent just asked how many bedrooms: a bare "3" or "tres" answers it
   */
  Integer bedrooms(String folded, boolean bedroomsAsked) {
    Matcher m = BEDROOMS.matcher(folded);
    if (m.find()) {
      return count(m.group(1));
    }
    m = SHORTHAND.matcher(folded);
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    if (STUDIO.matcher(folded).find()) {
      return 0;
    }
    if (bedroomsAsked) {
      String trimmed = folded.trim();
      m = BARE_COUNT.matcher(trimmed);
      if (trimmed.length() <= 20 && m.matches()) {
        int n = count(m.group(1));
        return n <= 10 ? n : null;
      }
    }
    return null;
  }

  private static int count(String word) {
    return SpanishText.digitsOrWord(word);
  }
}
