package com.inmo.activities.telegram;

import com.inmo.activities.api.InternalApiClient;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.TeamNotification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The api's internal endpoints the Telegram code uses, with their semantics (docs/internal-api.md): the
 * message ledger (POST records, 201 new / 200 seen; GET by external id, 200 / 404), each broker's bot token
 * (GET …/telegram, 200 / 404), broker settings and team notifications. Checks the internal token.
 */
final class InternalApiFake implements AutoCloseable {

  static final String TOKEN = "internal-test-token";

  private static final Pattern MESSAGE = Pattern.compile("^/internal/v1/leads/([^/]+)/messages/([^/?]+)$");
  private static final Pattern MESSAGES = Pattern.compile("^/internal/v1/leads/([^/]+)/messages$");
  private static final Pattern BOT = Pattern.compile("^/internal/v1/brokers/([^/]+)/telegram$");
  private static final Pattern CONFIG = Pattern.compile("^/internal/v1/brokers/([^/]+)/config$");

  final MockWebServer server = new MockWebServer();
  /** Recorded messages by {@code leadId/externalId}, in the order they were first recorded. */
  final Map<String, MessageRecord> ledger = new java.util.LinkedHashMap<>();
  final List<TeamNotification> notifications = new CopyOnWriteArrayList<>();
  final Map<String, String> botTokens = new ConcurrentHashMap<>();
  final Map<String, Long> notifyChats = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  private final Deque<Integer> recordFailures = new ArrayDeque<>();

  InternalApiFake() {
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

  InternalApiClient client() {
    return new InternalApiClient(server.url("/").toString(), TOKEN);
  }

  /** The next message record is answered with this status (and not stored). */
  synchronized InternalApiFake failNextRecord(int status) {
    recordFailures.add(status);
    return this;
  }

  synchronized List<MessageRecord> recorded() {
    return new ArrayList<>(ledger.values());
  }

  synchronized void preRecord(MessageRecord record) {
    ledger.put(record.leadId() + "/" + record.externalId(), record);
  }

  long requestsTo(String path) {
    return requests.stream().filter(path::equals).count();
  }

  private synchronized MockResponse answer(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath();
    requests.add(request.getMethod() + " " + path);
    if (!TOKEN.equals(request.getHeader("X-Internal-Token"))) {
      return json(401, "{\"detail\":\"bad internal token\"}");
    }
    String body = request.getBody().readUtf8();
    Matcher m;
    try {
      if ("GET".equals(request.getMethod()) && (m = MESSAGE.matcher(path)).matches()) {
        String externalId = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
        MessageRecord record = ledger.get(m.group(1) + "/" + externalId);
        return record == null ? json(404, "{\"detail\":\"no such message\"}")
            : json(200, InternalApiClient.JSON.writeValueAsString(record));
      }
      if ("POST".equals(request.getMethod()) && (m = MESSAGES.matcher(path)).matches()) {
        Integer failure = recordFailures.poll();
        if (failure != null) {
          return json(failure, "{\"detail\":\"injected\"}");
        }
        MessageRecord record = InternalApiClient.JSON.readValue(body, MessageRecord.class);
        String key = m.group(1) + "/" + record.externalId();
        return ledger.putIfAbsent(key, record) == null ? json(201, "{}") : json(200, "{}");
      }
      if ("GET".equals(request.getMethod()) && (m = BOT.matcher(path)).matches()) {
        String token = botTokens.get(m.group(1));
        return token == null ? json(404, "{\"detail\":\"Telegram not connected\"}")
            : json(200, "{\"token\":\"" + token + "\"}");
      }
      if ("GET".equals(request.getMethod()) && (m = CONFIG.matcher(path)).matches()) {
        Long chat = notifyChats.get(m.group(1));
        return json(200, "{\"brokerId\":\"b-1\",\"slug\":\"" + m.group(1) + "\",\"notifyTelegramChatId\":"
            + (chat == null ? "null" : chat) + "}");
      }
      if ("POST".equals(request.getMethod()) && path.equals("/internal/v1/notifications")) {
        TeamNotification notification = InternalApiClient.JSON.readValue(body, TeamNotification.class);
        boolean seen = notifications.stream().anyMatch(n -> n.key().equals(notification.key()));
        if (!seen) {
          notifications.add(notification);
        }
        return json(seen ? 200 : 201, "{}");
      }
    } catch (IOException e) {
      return json(400, "{\"detail\":\"bad json\"}");
    }
    return json(404, "{\"detail\":\"no such endpoint\"}");
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
