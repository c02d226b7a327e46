package com.inmo.api.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local Bot API for the tests: {@code setWebhook}, {@code getWebhookInfo}, {@code deleteWebhook} and
 * {@code getUpdates} at {@code /bot<token>/<method>}, answering with Telegram's own shapes
 * ({@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…,"description":…}}) and recording
 * every call. getUpdates follows Telegram's offset rule: updates below the offset are confirmed and gone. It
 * serves several bots (each token its own webhook and delivery error); updates are the first bot's.
 */
public final class BotApiStub {

  public record Call(String method, String body) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** When Telegram last failed to deliver, unless a test says otherwise: 2026-01-01, long ago. */
  static final Instant LONG_AGO = Instant.ofEpochSecond(1767225600);
  private final MockWebServer server = new MockWebServer();
  private final String token;
  private final Set<String> tokens;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<JsonNode> pending = new ArrayList<>();
  private final Map<String, String> webhookUrls = new ConcurrentHashMap<>();
  private final Map<String, DeliveryError> errors = new ConcurrentHashMap<>();
  /** The first bot's last delivery error (at {@link #LONG_AGO}), or null. */
  volatile String lastErrorMessage;
  volatile boolean failWebhookInfo;

  private record DeliveryError(String message, Instant at) {
  }

  public BotApiStub(String token, String... moreBots) {
    this.token = token;
    this.tokens = new java.util.HashSet<>(List.of(moreBots));
    tokens.add(token);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** What Telegram holds for a bot as if setWebhook had been called. */
  public void webhook(String bot, String url) {
    webhookUrls.put(bot, url);
  }

  /** Telegram's record of its last failed delivery to a bot's webhook. */
  public void deliveryError(String bot, String message, Instant at) {
    errors.put(bot, new DeliveryError(message, at));
  }

  /** Queues an update for getUpdates, as Telegram holds them while no webhook is set. */
  synchronized void enqueue(String updateJson) {
    try {
      pending.add(JSON.readTree(updateJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    notifyAll();
  }

  synchronized int pendingCount() {
    return pending.size();
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath();
    String body = request.getBody().readUtf8();
    Matcher m = Pattern.compile("^/bot([^/]+)/(\\w+)").matcher(path);
    if (!m.find()) {
      return error(404, "Not Found");
    }
    // the Bot API takes method names in any case (telegrambots sends some in lower case)
    String method = canonical(m.group(2));
    calls.add(new Call(method, body));
    String bot = m.group(1);
    if (!tokens.contains(bot)) {
      return error(401, "Unauthorized");
    }
    return switch (method) {
      case "setWebhook" -> {
        webhookUrls.put(bot, multipartField(body, "url"));
        yield ok("true", "Webhook was set");
      }
      case "deleteWebhook" -> {
        webhookUrls.remove(bot);
        yield ok("true", "Webhook was deleted");
      }
      case "getWebhookInfo" -> failWebhookInfo ? error(500, "Internal Server Error") : ok(webhookInfo(bot), null);
      case "getUpdates" -> webhookUrls.getOrDefault(token, "").isEmpty() ? ok(updates(body), null)
          : error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      default -> error(404, "Not Found: method not found");
    };
  }

  private static String canonical(String method) {
    for (String known : List.of("setWebhook", "deleteWebhook", "getWebhookInfo", "getUpdates")) {
      if (known.equalsIgnoreCase(method)) {
        return known;
      }
    }
    return method;
  }

  private synchronized String webhookInfo(String bot) {
    String webhookUrl = webhookUrls.getOrDefault(bot, "");
    StringBuilder info = new StringBuilder("{\"url\":").append(quote(webhookUrl))
        .append(",\"has_custom_certificate\":false,\"pending_update_count\":")
        .append(bot.equals(token) ? pending.size() : 0);
    if (!webhookUrl.isEmpty()) {
      info.append(",\"max_connections\":40,\"ip_address\":\"203.0.113.7\"")
          .append(",\"allowed_updates\":[\"message\",\"edited_message\",\"my_chat_member\"]");
      DeliveryError error = errors.get(bot);
      if (error == null && bot.equals(token) && lastErrorMessage != null) {
        error = new DeliveryError(lastErrorMessage, LONG_AGO);
      }
      if (error != null) {
        info.append(",\"last_error_date\":").append(error.at().getEpochSecond())
            .append(",\"last_error_message\":").append(quote(error.message()));
      }
    }
    return info.append('}').toString();
  }

  /** Confirms what lies below the offset, then answers what remains (waiting briefly for some, as a long poll). */
  private synchronized String updates(String body) {
    try {
      JsonNode request = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
      long offset = request.path("offset").asLong(0);
      pending.removeIf(u -> u.path("update_id").asLong() < offset);
      if (pending.isEmpty()) {
        wait(TimeUnit.MILLISECONDS.toMillis(300)); // the long poll, shortened for the tests
      }
      return JSON.writeValueAsString(pending.stream().limit(100).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "[]";
    }
  }

  /** The value of one field of a multipart/form-data body (telegrambots posts setWebhook that way). */
  static String multipartField(String body, String name) {
    Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n(.*?)\\r?\\n--",
        Pattern.DOTALL).matcher(body);
    return m.find() ? m.group(1) : null;
  }

  private static MockResponse ok(String result, String description) {
    String body = "{\"ok\":true,\"result\":" + result + (description == null ? "" : ",\"description\":" + quote(description)) + "}";
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
  }

  private static MockResponse error(int code, String description) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody("{\"ok\":false,\"error_code\":" + code + ",\"description\":" + quote(description) + "}");
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
