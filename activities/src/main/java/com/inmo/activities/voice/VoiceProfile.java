package com.inmo.activities.voice;

import java.util.List;

/**
 * The broker as a call needs it ({@code GET /internal/v1/brokers/{slug}/voice}): who the agent is and the
 * region a lead's number without {@code +} is read in.
 */
public record VoiceProfile(String brokerSlug, String brokerName, String personaName, String personaTone,
                           List<String> zones, String timeZone, String region, String language) {

  public VoiceProfile {
    zones = zones == null ? List.of() : List.copyOf(zones);
    region = region == null || region.isBlank() ? "CL" : region;
    language = language == null || language.isBlank() ? "es" : language;
  }
}
