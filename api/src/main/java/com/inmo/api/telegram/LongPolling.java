package com.inmo.api.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * With a token but no webhook URL (behind NAT, dev): fetches the default bot's updates with
 * {@code getUpdates} on a daemon thread and gives each to the same {@link TelegramIntake} the webhook uses.
 *
 * <p>The offset moves past an update only once it was handed off (or ignored, or a duplicate): when
 * Temporal cannot take one, the loop waits and fetches it again, so nothing is lost; Telegram keeps
 * unconfirmed updates for a day. Stops with the application context.
 */
@Component
class LongPolling implements SmartLifecycle {

  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(LongPolling.class);

  private final TelegramProperties props;
  private final BotApi api;
  private final TelegramIntake intake;
  private final WebhookBots bots;
  private volatile boolean running;
  private volatile Thread thread;
  private volatile String lastError;
  private volatile Instant lastPollAt;

  LongPolling(TelegramProperties props, BotApi api, TelegramIntake intake, WebhookBots bots) {
    this.props = props;
    this.api = api;
    this.intake = intake;
    this.bots = bots;
  }

  @Override
  public void start() {
    if (!props.pollingMode() || running) {
      return;
    }
    running = true;
    Thread t = new Thread(this::loop, "telegram-long-polling");
    t.setDaemon(true);
    thread = t;
    t.start();
    log.info("Telegram: no TELEGRAM_WEBHOOK_URL, fetching the default bot's updates by long polling");
  }

  private void loop() {
    BotCredentials bot = bots.defaultBot();
    Integer offset = null;
    boolean webhookDeleted = false;
    Duration backoff = Duration.ofSeconds(1);
    while (running) {
      try {
        if (!webhookDeleted) {
          api.deleteWebhook();
          webhookDeleted = true;
        }
        List<Update> updates = api.updates(offset, BotApi.POLL_SECONDS);
        lastPollAt = Instant.now();
        for (Update update : updates) {
          intake.accept(bot, update).block();
          offset = update.getUpdateId() + 1;
        }
        lastError = null;
        backoff = Duration.ofSeconds(1);
      } catch (Exception e) {
        if (!running) {
          break;
        }
        lastError = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        log.warn("Telegram long polling: {}; again in {} s", e.toString(), backoff.toSeconds());
        if (!sleep(backoff)) {
          break;
        }
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void stop() {
    running = false;
    api.cancelCalls();
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  String lastError() {
    return lastError;
  }

  Instant lastPollAt() {
    return lastPollAt;
  }
}
