package com.inmo.workflows.broker;

import com.inmo.workflows.agent.AgentPersona;
import com.inmo.workflows.scoring.ScoreThresholds;
import java.time.Duration;
import java.util.List;

/**
 * A broker's settings as the workflow uses them, read through an activity before each step, so a change
 * in the dashboard applies to running leads from their next step.
 *
 * @param followUpCadence  silence nudges after the AI last wrote; the last one closes the lead as LOST
 * @param callsPerLeadPerDay / callsPerLeadTotal  caps on voice attempts
 * @param notifyTelegramChatId  where team notifications go on Telegram, or null
 * @param voiceEnabled  whether the deployment places calls at all: false in production without a
 *                      {@code VOICE_PROVIDER} (calling off: the voice activity refuses with {@code VoiceDisabled}).
 *                      Last and nullable for the histories of running leads, recorded before it existed: absent
 *                      (null) reads as true, what those leads ran with. Never null once constructed.
 */
public record BrokerConfig(String brokerId, String slug, AgentPersona persona, BusinessHours businessHours,
                           ScoreThresholds thresholds, List<Duration> followUpCadence, int callsPerLeadPerDay,
                           int callsPerLeadTotal, Duration callRetryDelay, Long notifyTelegramChatId,
                           Boolean voiceEnabled) {

  public static final List<Duration> DEFAULT_CADENCE =
      List.of(Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(7));

  public BrokerConfig {
    followUpCadence = followUpCadence == null || followUpCadence.isEmpty() ? DEFAULT_CADENCE : List.copyOf(followUpCadence);
    thresholds = thresholds == null ? ScoreThresholds.DEFAULTS : thresholds;
    callRetryDelay = callRetryDelay == null ? Duration.ofHours(2) : callRetryDelay;
    callsPerLeadPerDay = callsPerLeadPerDay <= 0 ? 3 : callsPerLeadPerDay;
    callsPerLeadTotal = callsPerLeadTotal <= 0 ? 6 : callsPerLeadTotal;
    voiceEnabled = voiceEnabled == null || voiceEnabled;
  }

  /** The settings as they were before {@code voiceEnabled}: voice on. */
  public BrokerConfig(String brokerId, String slug, AgentPersona persona, BusinessHours businessHours,
                      ScoreThresholds thresholds, List<Duration> followUpCadence, int callsPerLeadPerDay,
                      int callsPerLeadTotal, Duration callRetryDelay, Long notifyTelegramChatId) {
    this(brokerId, slug, persona, businessHours, thresholds, followUpCadence, callsPerLeadPerDay, callsPerLeadTotal,
        callRetryDelay, notifyTelegramChatId, true);
  }

  public BrokerConfig withVoiceEnabled(boolean enabled) {
    return new BrokerConfig(brokerId, slug, persona, businessHours, thresholds, followUpCadence, callsPerLeadPerDay,
        callsPerLeadTotal, callRetryDelay, notifyTelegramChatId, enabled);
  }
}
