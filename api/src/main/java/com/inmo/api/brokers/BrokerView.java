package com.inmo.api.brokers;

import com.inmo.workflows.broker.BrokerConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A broker as the dashboard reads it. The settings are the effective ones, read by the same
 * {@link BrokerSettings} the worker's config goes through, defaults filled in: what the leads will get.
 */
public record BrokerView(UUID id, String slug, String name, String timeZone, String personaName, String personaTone,
                         boolean active, BrokerForm.Settings settings) {

  static BrokerView of(Broker broker, JsonMapper json) {
    BrokerConfig config = BrokerSettings.toConfig(broker, json);
    BrokerForm.BusinessHours hours;
    if (config.businessHours().alwaysOpen()) {
      hours = new BrokerForm.BusinessHours(true, Map.of());
    } else {
      Map<String, List<String>> days = new LinkedHashMap<>();
      for (DayOfWeek day : DayOfWeek.values()) {
        List<LocalTime> span = config.businessHours().days().get(day);
        if (span != null && span.size() == 2) {
          days.put(day.name(), List.of(span.get(0).toString(), span.get(1).toString()));
        }
      }
      hours = new BrokerForm.BusinessHours(false, days);
    }
    var t = config.thresholds();
    var llm = com.inmo.api.llm.LlmBudgetSettings.of(broker, json);
    BrokerForm.Settings settings = new BrokerForm.Settings(config.persona().zones(), hours,
        new BrokerForm.Thresholds(t.coldMax(), t.warmMax(), t.hotMin(), t.qualifiedMin()),
        config.followUpCadence().stream().map(Duration::toString).toList(),
        config.callsPerLeadPerDay(), config.callsPerLeadTotal(), config.callRetryDelay().toString(),
        config.notifyTelegramChatId(), com.inmo.api.voice.VoiceSettings.callsPerBrokerPerHour(broker, json),
        com.inmo.api.voice.VoiceSettings.region(broker, json), llm.turns(), llm.usd());
    return new BrokerView(broker.id(), broker.slug(), broker.name(), broker.timeZone(), broker.personaName(),
        broker.personaTone(), broker.active(), settings);
  }
}
