package com.inmo.devmode.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local Telegram Bot API speaking its real JSON (`{"ok":true,"result":…}`) at
 * `/bot<token>/<method>`: it records what the bot sends and serves queued updates to getUpdates.
 */
public final class BotApiServer implements AutoCloseable {

  public record Call(String method, JsonNode body, long atNanos) {

    public Call(String method, JsonNode body) {
      this(method, body, System.nanoTime());
    }
  }

  public static final ObjectMapper JSON = new ObjectMapper();
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final BlockingQueue<String> updates = new LinkedBlockingQueue<>();
  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger messageIds = new AtomicInteger(500);

  public BotApiServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getPath() == null ? "" : request.getPath();
        // method names are case-insensitive in the Bot API; telegrambots sends them lower-case
        String method = path.substring(path.lastIndexOf('/') + 1).split("\\?")[0].toLowerCase(java.util.Locale.ROOT);
        JsonNode body = parse(request);
        calls.add(new Call(method, body));
        return switch (method) {
          case "sendmessage" -> ok("{\"message_id\":" + messageIds.incrementAndGet() + ",\"date\":1764430000,"
              + "\"chat\":{\"id\":" + body.path("chat_id").asText() + ",\"type\":\"private\"},\"text\":"
              + JSON.valueToTree(body.path("text").asText()) + "}");
          case "getme" -> ok("{\"id\":123456,\"is_bot\":true,\"first_name\":\"Inmo\",\"username\":\"inmo_test_bot\"}");
          case "getwebhookinfo" -> ok("{\"url\":\"https://inmo.example/webhooks/telegram\","
              + "\"has_custom_certificate\":false,\"pending_update_count\":0}");
          case "getupdates" -> {
            String update = updates.poll(500, TimeUnit.MILLISECONDS);
            yield ok(update == null ? "[]" : "[" + update + "]");
          }
          default -> ok("true");
        };
      }
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  public List<String> sentTo(long chatId) {
    return calls.stream().filter(c -> c.method().equals("sendmessage"))
        .filter(c -> c.body().path("chat_id").asText().equals(Long.toString(chatId)))
        .map(c -> c.body().path("text").asText()).toList();
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
  }

  private static MockResponse ok(String result) {
    return new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"ok\":true,\"result\":" + result + "}");
  }

  /** The client sends JSON bodies, and multipart ones for methods that may upload (setWebhook). */
  private static JsonNode parse(RecordedRequest request) {
    String body = request.getBody().readUtf8();
    try {
      if (body.startsWith("{")) {
        return JSON.readTree(body);
      }
      String type = String.valueOf(request.getHeader("Content-Type"));
      if (type.startsWith("multipart/")) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
            "name=\"([^\"]+)\"[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(.*?)\\r\\n--", java.util.regex.Pattern.DOTALL)
            .matcher(body);
        while (m.find()) {
          fields.put(m.group(1), m.group(2));
        }
        return JSON.valueToTree(fields);
      }
      Map<String, String> form = new java.util.LinkedHashMap<>();
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          form.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
              java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return JSON.valueToTree(form);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
