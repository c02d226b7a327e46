package com.inmo.api.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The default bot's side of the Bot API the api itself needs: the webhook's registration and long polling
 * (sending is the worker's). Every call blocks: callers keep it off the event loop. Base URL from
 * {@code TELEGRAM_API_URL}, so a self-hosted Bot API server (or a test stub) can stand in.
 */
@Component
class BotApi implements DisposableBean {

  static final int POLL_SECONDS = 25;
  private static final Logger log = LoggerFactory.getLogger(BotApi.class);

  private final OkHttpClient http;
  private final OkHttpTelegramClient client;

  BotApi(TelegramProperties props) {
    this.http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        // a long poll holds the response for POLL_SECONDS: a read timeout under that would cut every one
        .readTimeout(Duration.ofSeconds(POLL_SECONDS + 15))
        .writeTimeout(Duration.ofSeconds(10))
        .build();
    this.client = props.hasToken() ? new OkHttpTelegramClient(http, props.token(), telegramUrl(props.apiUrl())) : null;
  }

  boolean configured() {
    return client != null;
  }

  /** Idempotent: setting the same webhook again changes nothing at Telegram. */
  boolean setWebhook(String url, String secret) throws TelegramApiException {
    return require().execute(SetWebhook.builder().url(url).secretToken(secret)
        .allowedUpdates(TelegramUpdates.ALLOWED_UPDATES).build());
  }

  WebhookInfo webhookInfo() throws TelegramApiException {
    return require().execute(new GetWebhookInfo());
  }

  /** getUpdates refuses to work while a webhook is set. Pending updates are kept, not dropped. */
  boolean deleteWebhook() throws TelegramApiException {
    return require().execute(new DeleteWebhook());
  }

  List<Update> updates(Integer offset, int timeoutSeconds) throws TelegramApiException {
    return require().execute(GetUpdates.builder().offset(offset).timeout(timeoutSeconds)
        .allowedUpdates(TelegramUpdates.ALLOWED_UPDATES).build());
  }

  /** Ends calls in flight (a long poll blocks in a socket read that an interrupt does not end). */
  void cancelCalls() {
    http.dispatcher().cancelAll();
  }

  @Override
  public void destroy() {
    cancelCalls();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private OkHttpTelegramClient require() {
    if (client == null) {
      throw new IllegalStateException("TELEGRAM_TOKEN is not set");
    }
    return client;
  }

  /** {@code https://api.telegram.org} → scheme, host and port; telegrambots takes no path prefix. */
  static TelegramUrl telegramUrl(String apiUrl) {
    URI uri = URI.create(apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl);
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("TELEGRAM_API_URL must be an absolute URL, got " + apiUrl);
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty()) {
      log.warn("TELEGRAM_API_URL {}: the path is ignored, the Bot API is reached at /bot<token>/… on its host", apiUrl);
    }
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
  }
}
