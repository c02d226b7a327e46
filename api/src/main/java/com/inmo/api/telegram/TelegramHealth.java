package com.inmo.api.telegram;

import com.inmo.api.health.HealthDetail;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code details.telegram} in {@code /health}: in webhook mode what Telegram's {@code getWebhookInfo} says
 * (the URL it posts to, how many updates wait, the last delivery error), in polling mode whether the loop
 * runs. Nothing without a token. {@code getWebhookInfo} is reused for a while: load balancers poll
 * {@code /health} far more often than Telegram should be asked.
 */
@Component
class TelegramHealth implements HealthDetail {

  static final Duration GET_WEBHOOK_INFO_TIMEOUT = Duration.ofMillis(1500);
  private final TelegramProperties props;
  private final BotApi api;
  private final WebhookRegistration registration;
  private final LongPolling polling;
  private final AtomicReference<Fetched> lastInfo = new AtomicReference<>();

  TelegramHealth(TelegramProperties props, BotApi api, WebhookRegistration registration, LongPolling polling) {
    this.props = props;
    this.api = api;
    this.registration = registration;
    this.polling = polling;
  }

  @Override
  public String name() {
    return "telegram";
  }

  /** The default bot serves the default broker. */
  @Override
  public String brokerSlug() {
    return props.defaultBroker();
  }

  @Override
  public Mono<Object> details() {
    if (props.pollingMode()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("mode", "polling");
      out.put("running", polling.isRunning());
      out.put("last_poll_at", polling.lastPollAt() == null ? null : polling.lastPollAt().toString());
      out.put("last_error_message", polling.lastError());
      return Mono.just(out);
    }
    if (!props.webhookMode()) {
      return Mono.empty();
    }
    return webhookInfo()
        .map(info -> {
          Map<String, Object> out = webhookState();
          out.put("url", info.getUrl());
          out.put("pending_update_count", info.getPendingUpdatesCount());
          out.put("last_error_message", info.getLastErrorMessage());
          return (Object) out;
        })
        // bounded by the same time as the checks: a slow Telegram reads as an error, not a hung /health
        .timeout(GET_WEBHOOK_INFO_TIMEOUT)
        .onErrorResume(e -> {
          Map<String, Object> out = webhookState();
          out.put("error", "getWebhookInfo failed: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
          return Mono.just(out);
        });
  }

  private Map<String, Object> webhookState() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", "webhook");
    WebhookRegistration.State state = registration.state();
    out.put("registered", state.registered());
    if (state.error() != null) {
      out.put("registration_error", state.error());
    }
    return out;
  }

  private Mono<WebhookInfo> webhookInfo() {
    Fetched cached = lastInfo.get();
    if (cached != null && System.nanoTime() - cached.atNanos() < props.healthCacheTtl().toNanos()) {
      return Mono.just(cached.info());
    }
    return Mono.fromCallable(api::webhookInfo)
        .subscribeOn(Schedulers.boundedElastic())
        .doOnNext(info -> lastInfo.set(new Fetched(info, System.nanoTime())));
  }

  private record Fetched(WebhookInfo info, long atNanos) {
  }
}
