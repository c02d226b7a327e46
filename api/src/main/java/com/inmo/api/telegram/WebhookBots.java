package com.inmo.api.telegram;

import com.inmo.api.web.Problems;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which bot a webhook call is for. The default bot comes from the environment, so its webhook needs no
 * database at all. A broker's own bot is read from the database and kept in memory: re-read after a minute
 * ({@code broker-bot-cache-ttl}: a rotated secret reaches every replica), but while the database is down the
 * last one read keeps serving.
 */
@Component
class WebhookBots {

  static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(3);
  private static final Logger log = LoggerFactory.getLogger(WebhookBots.class);

  private final TelegramProperties props;
  private final BrokerBots bots;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  WebhookBots(TelegramProperties props, BrokerBots bots) {
    this.props = props;
    this.bots = bots;
  }

  BotCredentials defaultBot() {
    return new BotCredentials(props.defaultBroker(), BotCredentials.botKey(props.token(), "default"),
        props.webhookSecret());
  }

  /**
   * The broker's bot; empty when the broker or its bot is unknown; a 503 problem when the database cannot
   * tell and no earlier answer is cached.
   */
  Mono<BotCredentials> brokerBot(String slug) {
    String key = slug.toLowerCase(Locale.ROOT);
    Cached cached = cache.get(key);
    if (cached != null && System.nanoTime() - cached.readAtNanos() < props.brokerBotCacheTtl().toNanos()) {
      return Mono.just(cached.bot());
    }
    return bots.findBySlug(key)
        .timeout(DATABASE_TIMEOUT)
        .map(this::remember)
        // disconnected or deleted since: forget it
        .switchIfEmpty(Mono.<BotCredentials>fromRunnable(() -> cache.remove(key)))
        .onErrorResume(e -> {
          if (cached != null) {
            log.warn("Database unavailable ({}); serving broker {}'s Telegram webhook from the cached bot",
                e.toString(), key);
            return Mono.just(cached.bot());
          }
          log.warn("Database unavailable ({}) and broker {}'s Telegram bot not cached: 503, Telegram retries",
              e.toString(), key);
          return Mono.error(Problems.unavailable("The service is not available; retry"));
        });
  }

  /** Caches a bot just read or just saved (an admin's change applies on this replica at once). */
  BotCredentials remember(BrokerBots.BrokerBot bot) {
    BotCredentials credentials = new BotCredentials(bot.slug(),
        BotCredentials.botKey(bot.token(), "broker-" + bot.slug()), bot.webhookSecret());
    cache.put(bot.slug(), new Cached(credentials, System.nanoTime()));
    return credentials;
  }

  private record Cached(BotCredentials bot, long readAtNanos) {
  }
}
