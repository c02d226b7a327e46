package com.inmo.api.brokers;

import com.inmo.workflows.agent.AgentPersona;
import com.inmo.workflows.broker.BrokerConfig;
import com.inmo.workflows.broker.BusinessHours;
import com.inmo.workflows.scoring.ScoreThresholds;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A broker's {@code settings} document read into the workflow's {@link BrokerConfig}, every missing or
 * broken value replaced by its default. A typo typed in the dashboard must not stop every lead of the
 * broker, so a bad value is logged and ignored rather than failing the worker's activity.
 *
 * <pre>
 * {"zones": ["Providencia"], "businessHours": {"alwaysOpen": false, "days": {"MONDAY": ["09:00", "19:00"]}},
 *  "thresholds": {"coldMax": 20, "warmMax": 50, "hotMin": 50, "qualifiedMin": 75},
 *  "followUpCadence": ["PT10M", "PT24H"], "callsPerLeadPerDay": 3, "callsPerLeadTotal": 6,
 *  "callRetryDelay": "PT2H", "notifyTelegramChatId": -100123}
 * </pre>
 */
public final class BrokerSettings {

  private static final Logger log = LoggerFactory.getLogger(BrokerSettings.class);
  public static final String LANGUAGE = "es";

  private BrokerSettings() {
  }

  public static BrokerConfig toConfig(Broker broker, JsonMapper json) {
    return toConfig(broker, json, null);
  }

  /** @param notifyChatId the chat id stored with the broker's own bot, which wins; null to read the settings' */
  public static BrokerConfig toConfig(Broker broker, JsonMapper json, Long notifyChatId) {
    JsonNode s = document(broker, json);
    AgentPersona persona = new AgentPersona(broker.personaName(), broker.personaTone(), broker.name(),
        strings(s.path("zones")), LANGUAGE);
    return new BrokerConfig(broker.id().toString(), broker.slug(), persona, hours(broker, s.path("businessHours")),
        thresholds(broker, s.path("thresholds")), cadence(broker, s.path("followUpCadence")),
        s.path("callsPerLeadPerDay").asInt(0), s.path("callsPerLeadTotal").asInt(0),
        duration(broker, s.path("callRetryDelay")),
        notifyChatId != null ? notifyChatId : chatId(s.path("notifyTelegramChatId")));
  }

  /** The broker's settings document; an empty object when it is missing or not a JSON object (logged). */
  public static JsonNode document(Broker broker, JsonMapper json) {
    try {
      JsonNode node = json.readTree(broker.settings() == null ? "{}" : broker.settings());
      return node != null && node.isObject() ? node : json.createObjectNode();
    } catch (RuntimeException e) {
      log.warn("Broker {}: settings are not a JSON object, using defaults ({})", broker.slug(), e.getMessage());
      return json.createObjectNode();
    }
  }

  /** No hours configured → the usual Chilean week ({@link BusinessHours#standard}). */
  static BusinessHours hours(Broker broker, JsonNode node) {
    if (node.path("alwaysOpen").asBoolean(false)) {
      return BusinessHours.always(broker.timeZone());
    }
    Map<DayOfWeek, List<LocalTime>> days = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<String, JsonNode> day : node.path("days").properties()) {
      try {
        DayOfWeek weekday = DayOfWeek.valueOf(day.getKey().trim().toUpperCase(Locale.ROOT));
        List<String> span = strings(day.getValue());
        LocalTime open = span.size() == 2 ? LocalTime.parse(span.get(0)) : null;
        LocalTime close = span.size() == 2 ? LocalTime.parse(span.get(1)) : null;
        if (open != null && open.isBefore(close)) {
          days.put(weekday, List.of(open, close));
        } else {
          log.warn("Broker {}: ignoring business hours {} {}", broker.slug(), day.getKey(), span);
        }
      } catch (RuntimeException e) {
        log.warn("Broker {}: ignoring business hours {} ({})", broker.slug(), day.getKey(), e.getMessage());
      }
    }
    return days.isEmpty() ? BusinessHours.standard(broker.timeZone()) : new BusinessHours(false, broker.timeZone(), days);
  }

  private static ScoreThresholds thresholds(Broker broker, JsonNode node) {
    if (!node.isObject()) {
      return ScoreThresholds.DEFAULTS;
    }
    ScoreThresholds d = ScoreThresholds.DEFAULTS;
    try {
      return new ScoreThresholds(node.path("coldMax").asInt(d.coldMax()), node.path("warmMax").asInt(d.warmMax()),
          node.path("hotMin").asInt(d.hotMin()), node.path("qualifiedMin").asInt(d.qualifiedMin()));
    } catch (IllegalArgumentException e) {
      log.warn("Broker {}: {}; using the default thresholds", broker.slug(), e.getMessage());
      return d;
    }
  }

  private static List<Duration> cadence(Broker broker, JsonNode node) {
    List<Duration> out = new ArrayList<>();
    for (String text : strings(node)) {
      try {
        Duration d = Duration.parse(text);
        if (!d.isNegative() && !d.isZero()) {
          out.add(d);
        }
      } catch (RuntimeException e) {
        log.warn("Broker {}: ignoring follow-up delay '{}'", broker.slug(), text);
      }
    }
    return out; // empty → BrokerConfig's default cadence
  }

  private static Duration duration(Broker broker, JsonNode node) {
    if (!node.isString()) {
      return null;
    }
    try {
      return Duration.parse(node.stringValue());
    } catch (RuntimeException e) {
      log.warn("Broker {}: ignoring duration '{}'", broker.slug(), node.stringValue());
      return null;
    }
  }

  private static Long chatId(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.asLong();
    }
    if (node.isString()) {
      try {
        return Long.parseLong(node.stringValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode item : node.values()) {
        if (item.isString() && !item.stringValue().isBlank()) {
          out.add(item.stringValue().trim());
        }
      }
    }
    return out;
  }
}
