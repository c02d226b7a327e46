package com.inmo.activities.calendar.google;

import java.util.UUID;

/**
 * The Google calendar one call uses.
 *
 * @param connectionId the api's connection row; null for the default broker's GOOGLE_REFRESH_TOKEN
 * @param userId       the agent whose calendar it is; null for the broker's
 */
public record GoogleConnection(UUID connectionId, UUID userId, String refreshToken, String calendarId, boolean meet) {

  public boolean fromEnvironment() {
    return connectionId == null;
  }

  /** Names the credential in caches and logs without revealing it. */
  public String key() {
    return (connectionId == null ? "env" : connectionId.toString()) + ":" + GoogleCalendarSettings.fingerprint(refreshToken);
  }

  @Override
  public String toString() {
    return "GoogleConnection[" + (connectionId == null ? "environment" : connectionId) + ", calendar " + calendarId + "]";
  }
}
