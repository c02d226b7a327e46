package com.inmo.activities.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Bot API clients (telegrambots' OkHttp client), one per bot token, all on one OkHttp connection pool and
 * dispatcher. The base URL comes from {@code TELEGRAM_API_URL}: the real server, a self-hosted Bot API
 * server, or a test stub on {@code http://127.0.0.1:PORT}.
 */
public class TelegramClients implements AutoCloseable {

  public static final String DEFAULT_API_URL = "https://api.telegram.org";

  private final TelegramUrl url;
  private final OkHttpClient http;
  private final Map<String, TelegramClient> byToken = new ConcurrentHashMap<>();

  public TelegramClients(String apiUrl) {
    this.url = telegramUrl(apiUrl);
    // OkHttp's dispatcher allows 5 requests per host by default; every bot talks to one host, so
    // concurrent activities would queue behind each other without a higher limit.
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(128);
    dispatcher.setMaxRequestsPerHost(64);
    // callTimeout bounds one Bot API call well inside the activities' start-to-close timeouts (15-30 s).
    this.http = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** The client for one bot; created once per token and kept (clients hold no per-call state). */
  public TelegramClient forToken(String token) {
    return byToken.computeIfAbsent(token, t -> new OkHttpTelegramClient(http, t, url));
  }

  /**
   * telegrambots builds {@code scheme://host:port/bot<token>/<method>} and cannot add a path prefix, so a
   * URL with a path is refused at start rather than silently calling the wrong place.
   */
  static TelegramUrl telegramUrl(String apiUrl) {
    String value = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
    URI uri = URI.create(value);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("TELEGRAM_API_URL must look like https://host[:port], got '" + value + "'");
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new IllegalArgumentException("TELEGRAM_API_URL cannot have a path (the client adds /bot<token>/<method>), got '"
          + value + "'");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return new TelegramUrl(scheme, uri.getHost(), port, false);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
