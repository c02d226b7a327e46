package com.inmo.activities.telegram;

import static com.inmo.activities.api.InternalApiClient.expect;

import com.inmo.activities.api.InternalApiClient;
import io.temporal.failure.ApplicationFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which bot speaks for a broker. The default broker uses {@code TELEGRAM_TOKEN}; a broker that connected its
 * own bot has its token stored (encrypted) by the api, asked for at
 * {@code GET /internal/v1/brokers/{slug}/telegram} → 200 {@code {"token":"…"}} or 404 (not connected).
 * Answers, "not connected" included, are kept for five minutes: a send must not cost an extra api call,
 * and a newly connected or rotated bot is picked up within that time (a 401 from Telegram drops it sooner).
 */
public class TelegramBots {

  public static final Duration CACHE_FOR = Duration.ofMinutes(5);

  private final InternalApiClient api;
  private final String defaultBroker;
  private final String defaultToken;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Optional<String> token, Instant until) {
  }

  /** The api's answer: {@code {"token":"123:abc"}}. */
  record BotToken(String token) {
  }

  public TelegramBots(InternalApiClient api, String defaultBroker, String defaultToken) {
    this(api, defaultBroker, defaultToken, Clock.systemUTC());
  }

  public TelegramBots(InternalApiClient api, String defaultBroker, String defaultToken, Clock clock) {
    this.api = api;
    this.defaultBroker = defaultBroker == null || defaultBroker.isBlank() ? "demo" : defaultBroker.strip();
    this.defaultToken = defaultToken == null ? "" : defaultToken.strip();
    this.clock = clock;
  }

  /**
   * The broker's bot token, if it has one. An unset {@code TELEGRAM_TOKEN} makes the default broker like
   * any other (it may have connected a bot from the dashboard).
   */
  public Optional<String> tokenFor(String brokerSlug) {
    if (defaultBroker.equals(brokerSlug) && !defaultToken.isEmpty()) {
      return Optional.of(defaultToken);
    }
    Instant now = clock.instant();
    Cached cached = cache.get(brokerSlug);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.token();
    }
    Optional<String> token = fetch(brokerSlug);
    cache.put(brokerSlug, new Cached(token, now.plus(CACHE_FOR)));
    return token;
  }

  /** The token, or a non-retryable failure: retrying cannot connect a bot. */
  public String requireToken(String brokerSlug) {
    return tokenFor(brokerSlug).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
        "Telegram is not connected for broker " + brokerSlug, "TelegramNotConnected"));
  }

  /** Drops a cached token Telegram refused (revoked or rotated), so the next send asks the api again. */
  public void forget(String brokerSlug) {
    cache.remove(brokerSlug);
  }

  private Optional<String> fetch(String brokerSlug) {
    InternalApiClient.Response response =
        api.get("/internal/v1/brokers/" + URLEncoder.encode(brokerSlug, StandardCharsets.UTF_8) + "/telegram");
    if (response.status() == 404) {
      return Optional.empty();
    }
    String token = expect(response, "broker's Telegram bot", 200).as(BotToken.class).token();
    return token == null || token.isBlank() ? Optional.empty() : Optional.of(token.strip());
  }
}
