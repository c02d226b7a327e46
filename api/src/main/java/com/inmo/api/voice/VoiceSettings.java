package com.inmo.api.voice;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.BrokerSettings;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A broker's voice settings from its {@code settings} document: {@code callsPerBrokerPerHour} (default
 * {@value #DEFAULT_CALLS_PER_BROKER_PER_HOUR}) and {@code country}, the region a lead's number is read in when
 * it has no {@code +} prefix: the setting when it is a region libphonenumber knows, else the broker's time zone's
 * country, else Chile.
 */
public final class VoiceSettings {

  public static final int DEFAULT_CALLS_PER_BROKER_PER_HOUR = 20;
  public static final String DEFAULT_REGION = "CL";

  /** Time zones of the markets a broker here is likely to be in; any other zone reads numbers as Chilean. */
  static final Map<String, String> ZONE_REGIONS = Map.ofEntries(
      Map.entry("America/Santiago", "CL"), Map.entry("America/Punta_Arenas", "CL"), Map.entry("Pacific/Easter", "CL"),
      Map.entry("Chile/Continental", "CL"), Map.entry("America/Lima", "PE"), Map.entry("America/Bogota", "CO"),
      Map.entry("America/Buenos_Aires", "AR"), Map.entry("America/Mexico_City", "MX"),
      Map.entry("America/Monterrey", "MX"), Map.entry("America/Cancun", "MX"), Map.entry("America/Tijuana", "MX"),
      Map.entry("America/Montevideo", "UY"), Map.entry("America/Asuncion", "PY"), Map.entry("America/La_Paz", "BO"),
      Map.entry("America/Guayaquil", "EC"), Map.entry("America/Caracas", "VE"), Map.entry("America/Panama", "PA"),
      Map.entry("America/Costa_Rica", "CR"), Map.entry("America/Sao_Paulo", "BR"), Map.entry("Europe/Madrid", "ES"),
      Map.entry("Atlantic/Canary", "ES"));

  private VoiceSettings() {
  }

  public static int callsPerBrokerPerHour(Broker broker, JsonMapper json) {
    int value = BrokerSettings.document(broker, json).path("callsPerBrokerPerHour").asInt(0);
    return value > 0 ? value : DEFAULT_CALLS_PER_BROKER_PER_HOUR;
  }

  /** The stored {@code country} setting when it is a known region, else null. */
  public static String country(Broker broker, JsonMapper json) {
    JsonNode node = BrokerSettings.document(broker, json).path("country");
    return node.isString() ? knownRegion(node.stringValue()) : null;
  }

  public static String region(Broker broker, JsonMapper json) {
    String country = country(broker, json);
    if (country != null) {
      return country;
    }
    String zone = broker.timeZone() == null ? "" : broker.timeZone();
    if (zone.startsWith("America/Argentina/")) {
      return "AR";
    }
    return ZONE_REGIONS.getOrDefault(zone, DEFAULT_REGION);
  }

  /** An ISO 3166 alpha-2 code libphonenumber has numbering plans for (upper case), or null. */
  public static String knownRegion(String code) {
    if (code == null) {
      return null;
    }
    String upper = code.trim().toUpperCase(Locale.ROOT);
    return PhoneNumberUtil.getInstance().getSupportedRegions().contains(upper) ? upper : null;
  }
}
