package com.inmo.api.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inmo.gateway.*}: how long the api waits for Temporal before it answers 503 (the SDK itself retries an
 * unreachable server for longer than any caller should wait).
 *
 * @param signalTimeout a start or a signal: a webhook's sender (Telegram, a voice provider) retries after a 503,
 *                      so this stays under their own time-outs
 * @param updateTimeout a dashboard action, which waits for the workflow to apply it
 * @param queryTimeout  the detail view's live state, shown without it past this
 */
@ConfigurationProperties("inmo.gateway")
public record GatewayProperties(Duration signalTimeout, Duration updateTimeout, Duration queryTimeout) {

  public GatewayProperties {
    signalTimeout = signalTimeout == null ? Duration.ofSeconds(10) : signalTimeout;
    updateTimeout = updateTimeout == null ? Duration.ofSeconds(30) : updateTimeout;
    queryTimeout = queryTimeout == null ? Duration.ofSeconds(3) : queryTimeout;
  }

  /** The defaults above. */
  public static GatewayProperties defaults() {
    return new GatewayProperties(null, null, null);
  }
}
