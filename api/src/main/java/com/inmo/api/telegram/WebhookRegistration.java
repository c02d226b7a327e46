package com.inmo.api.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * With {@code TELEGRAM_WEBHOOK_URL} and {@code TELEGRAM_TOKEN} set, tells Telegram where to post the
 * default bot's updates (and with which secret) once the api is up. In the background: Telegram being slow
 * or down must not stop the api; a failure is logged, retried a few times, and shown in {@code /health}.
 */
@Component
class WebhookRegistration implements DisposableBean {

  /** What the last attempt gave; {@code error} null once Telegram accepted the webhook. */
  record State(boolean registered, String error) {
  }

  private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);
  private final TelegramProperties props;
  private final BotApi api;
  private final AtomicReference<State> state = new AtomicReference<>(new State(false, "not attempted yet"));
  private volatile Disposable running;

  WebhookRegistration(TelegramProperties props, BotApi api) {
    this.props = props;
    this.api = api;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    if (props.webhookMode()) {
      running = register(Retry.backoff(4, Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(30))).subscribe();
    }
  }

  State state() {
    return state.get();
  }

  Mono<State> register(RetryBackoffSpec retry) {
    if (props.webhookSecret().isEmpty()) {
      // every post would be refused (401): registering would only pile updates up at Telegram
      String error = "TELEGRAM_WEBHOOK_SECRET is not set: the webhook is not registered";
      log.error(error);
      state.set(new State(false, error));
      return Mono.just(state.get());
    }
    return Mono.fromCallable(() -> api.setWebhook(props.webhookUrl(), props.webhookSecret()))
        .subscribeOn(Schedulers.boundedElastic())
        // a refusal (bad URL, bad token) stays a refusal; only Telegram's trouble is worth another try
        .retryWhen(retry.filter(WebhookRegistration::worthRetrying))
        .map(ok -> {
          log.info("Telegram webhook registered: {}", props.webhookUrl());
          state.set(new State(true, null));
          return state.get();
        })
        .onErrorResume(e -> {
          Throwable cause = reactor.core.Exceptions.unwrap(e);
          if (reactor.core.Exceptions.isRetryExhausted(e) && e.getCause() != null) {
            cause = e.getCause();
          }
          log.error("Telegram did not register the webhook {}: {} (the api runs on; updates will not arrive)",
              props.webhookUrl(), cause.toString());
          state.set(new State(false, describe(cause)));
          return Mono.just(state.get());
        });
  }

  static String describe(Throwable e) {
    if (e instanceof TelegramApiRequestException r && r.getApiResponse() != null) {
      return r.getErrorCode() + " " + r.getApiResponse();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static boolean worthRetrying(Throwable e) {
    return !(e instanceof TelegramApiRequestException r) || r.getErrorCode() == null
        || r.getErrorCode() == 429 || r.getErrorCode() >= 500;
  }

  @Override
  public void destroy() {
    Disposable current = running;
    if (current != null) {
      current.dispose();
    }
  }
}
