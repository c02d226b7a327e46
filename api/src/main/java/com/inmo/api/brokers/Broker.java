package com.inmo.api.brokers;

import java.util.UUID;

/** A row of {@code brokers}; {@code settings} is the raw jsonb document. */
public record Broker(UUID id, String slug, String name, String timeZone, String personaName, String personaTone,
                     String settings, boolean active) {

  public java.time.ZoneId zone() {
    return java.time.ZoneId.of(timeZone);
  }
}
