package com.inmo.api.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
 * every call. getUpdates follows Telegram's offset rule: updates below the offset are confirmed and gone.
 */
final class BotApiStub {

  record Call(String method, String body) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MockWebServer server = new MockWebServer();
  private final String token;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<JsonNode> pending = new ArrayList<>();
  private volatile String webhookUrl = "";
  volatile String lastErrorMessage;
  volatile boolean failWebhookInfo;

  BotApiStub(String token) {
    this.token = token;
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

  String url() {
    return "http://127.0.0.1:" + server.getPort();
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

  List<Call> calls(String method) {
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
    if (!m.group(1).equals(token)) {
      return error(401, "Unauthorized");
    }
    return switch (method) {
      case "setWebhook" -> {
        webhookUrl = multipartField(body, "url");
        yield ok("true", "Webhook was set");
      }
      case "deleteWebhook" -> {
        webhookUrl = "";
        yield ok("true", "Webhook was deleted");
      }
      case "getWebhookInfo" -> failWebhookInfo ? error(500, "Internal Server Error") : ok(webhookInfo(), null);
      case "getUpdates" -> webhookUrl.isEmpty() ? ok(updates(body), null)
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

  private synchronized String webhookInfo() {
    StringBuilder info = new StringBuilder("{\"url\":").append(quote(webhookUrl))
        .append(",\"has_custom_certificate\":false,\"pending_update_count\":").append(pending.size());
    if (!webhookUrl.isEmpty()) {
      info.append(",\"max_connections\":40,\"ip_address\":\"203.0.113.7\"")
          .append(",\"allowed_updates\":[\"message\",\"edited_message\",\"my_chat_member\"]");
      if (lastErrorMessage != null) {
        info.append(",\"last_error_date\":1767225600,\"last_error_message\":").append(quote(lastErrorMessage));
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

  void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
