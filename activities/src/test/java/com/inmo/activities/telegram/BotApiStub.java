package com.inmo.activities.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local Bot API: {@code POST /bot<token>/<method>} with a JSON body, answered with the real shapes
 * ({@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":N,"description":"…","parameters":{…}}}).
 * Implements getMe, sendMessage and sendChatAction; records every call; errors are queued per method.
 */
final class BotApiStub implements AutoCloseable {

  /** One call as the stub saw it; {@code atNanos} is when it arrived. */
  record Call(String token, String method, JsonNode body, long atNanos) {
    String chatId() {
      return body.path("chat_id").asText();
    }

    String text() {
      return body.path("text").asText();
    }
  }

  private static final class Failure {
    final String method;
    final int status;
    final String json;
    int okBefore;

    Failure(String method, int status, String json, int okBefore) {
      this.method = method;
      this.status = status;
      this.json = json;
      this.okBefore = okBefore;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.Map<String, String> METHODS = java.util.Map.of(
      "getme", "getMe", "sendmessage", "sendMessage", "sendchataction", "sendChatAction");
  private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)$");

  final MockWebServer server = new MockWebServer();
  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final AtomicInteger messageIds = new AtomicInteger(100);

  BotApiStub() {
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

  /** The base URL, as TELEGRAM_API_URL would name it. */
  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** The next call of {@code method} fails with the Bot API's error JSON. */
  BotApiStub failNext(String method, int errorCode, String description, Integer retryAfter) {
    return failAfter(method, 0, errorCode, description, retryAfter);
  }

  /** The call of {@code method} after {@code okCalls} successful ones fails with the Bot API's error JSON. */
  synchronized BotApiStub failAfter(String method, int okCalls, int errorCode, String description, Integer retryAfter) {
    ObjectNode error = JSON.createObjectNode().put("ok", false).put("error_code", errorCode)
        .put("description", description);
    if (retryAfter != null) {
      error.putObject("parameters").put("retry_after", retryAfter);
    }
    failures.add(new Failure(method, errorCode, error.toString(), okCalls));
    return this;
  }

  /** The next call of {@code method} gets this status and body (e.g. a proxy's HTML page). */
  synchronized BotApiStub failNextRaw(String method, int status, String body) {
    failures.add(new Failure(method, status, body, 0));
    return this;
  }

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  List<String> sentTexts() {
    return calls("sendMessage").stream().map(Call::text).toList();
  }

  private MockResponse answer(RecordedRequest request) {
    long at = System.nanoTime();
    Matcher path = PATH.matcher(request.getPath() == null ? "" : request.getPath());
    if (!"POST".equals(request.getMethod()) || !path.matches()) {
      return json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    }
    String token = path.group(1);
    // Bot API method names are case-insensitive (telegrambots sends "sendmessage"): record the canonical name
    String method = METHODS.getOrDefault(path.group(2).toLowerCase(java.util.Locale.ROOT), path.group(2));
    JsonNode body;
    try {
      String text = request.getBody().readUtf8();
      body = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      return json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse JSON\"}");
    }
    calls.add(new Call(token, method, body, at));
    Failure failure = takeFailure(method);
    if (failure != null) {
      return json(failure.status, failure.json);
    }
    return switch (method) {
      case "getMe" -> json(200, "{\"ok\":true,\"result\":{\"id\":" + botId(token)
          + ",\"is_bot\":true,\"first_name\":\"Inmo\",\"username\":\"inmo_test_bot\"}}");
      case "sendChatAction" -> json(200, "{\"ok\":true,\"result\":true}");
      case "sendMessage" -> {
        ObjectNode chat = JSON.createObjectNode().put("id", Long.parseLong(body.path("chat_id").asText()))
            .put("type", "private");
        ObjectNode result = JSON.createObjectNode().put("message_id", messageIds.incrementAndGet())
            .put("date", System.currentTimeMillis() / 1000);
        result.set("chat", chat);
        result.put("text", body.path("text").asText());
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        ok.set("result", result);
        yield json(200, ok.toString());
      }
      default -> json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
    };
  }

  private synchronized Failure takeFailure(String method) {
    for (Failure f : failures) {
      if (f.method.equals(method)) {
        if (f.okBefore > 0) {
          f.okBefore--;
          return null;
        }
        failures.remove(f);
        return f;
      }
    }
    return null;
  }

  private static long botId(String token) {
    int colon = token.indexOf(':');
    return colon > 0 ? Long.parseLong(token.substring(0, colon)) : 1L;
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
