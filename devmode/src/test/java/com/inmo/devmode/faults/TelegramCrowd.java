package com.inmo.devmode.faults;

import com.inmo.devmode.telegram.BotApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Leads chatting with the bot at once, as people do: each writes a line, waits for the answer, writes the next.
 * Their messages arrive as Telegram delivers them: a webhook POST with the secret, and, when the answer is not
 * 2xx or the connection fails, the same update again a little later, for as long as it takes.
 */
final class TelegramCrowd {

  /** Telegram's update ids are unique per bot: one counter for every lead of every scenario. */
  private static final AtomicLong UPDATE_IDS = new AtomicLong(700_000);

  /** One message of a lead: when it was sent and when its answer came (0 while none). */
  static final class Sent {
    final long chat;
    final long sentAt = System.nanoTime();
    volatile long answeredAt;

    Sent(long chat) {
      this.chat = chat;
    }
  }

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  final AtomicInteger webhookRefusals = new AtomicInteger();
  final Map<Integer, AtomicInteger> refusalsByStatus = new ConcurrentHashMap<>();
  private final String webhook;
  private final String secret;
  private final BotApiServer bot;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Long> chats = new ArrayList<>();
  private final List<Future<?>> running = new ArrayList<>();
  private final ExecutorService pool;
  private final Duration answerTimeout;

  TelegramCrowd(String webhook, String secret, BotApiServer bot, long firstChat, int leads, Duration answerTimeout) {
    this.webhook = webhook;
    this.secret = secret;
    this.bot = bot;
    this.answerTimeout = answerTimeout;
    for (int i = 0; i < leads; i++) {
      chats.add(firstChat + i);
    }
    this.pool = Executors.newFixedThreadPool(leads);
  }

  List<Long> chats() {
    return chats;
  }

  /** Every lead starts its conversation at once. */
  TelegramCrowd start(List<String> script) {
    for (long chat : chats) {
      running.add(pool.submit(() -> converse(chat, script)));
    }
    return this;
  }

  /** Waits for every lead to finish its script. */
  void await(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Future<?> f : running) {
      f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    pool.shutdown();
  }

  /** How many leads have had at least one answer. */
  long leadsAnswered() {
    return chats.stream().filter(c -> !bot.sentTo(c).isEmpty()).count();
  }

  long unanswered() {
    return sent.stream().filter(s -> s.answeredAt == 0).count();
  }

  private void converse(long chat, List<String> script) {
    int messageId = 1;
    for (String line : script) {
      int before = bot.sentTo(chat).size();
      Sent message = new Sent(chat);
      sent.add(message);
      deliver(update(chat, messageId++, line.replace("{chat}", Long.toString(chat))));
      long deadline = System.nanoTime() + answerTimeout.toNanos();
      while (bot.sentTo(chat).size() <= before && System.nanoTime() < deadline) {
        sleep(50);
      }
      if (bot.sentTo(chat).size() > before) {
        message.answeredAt = System.nanoTime();
      }
    }
  }

  /** As Telegram does: the same update until a 2xx, waiting longer each time (capped for the tests' sake). */
  void deliver(String update) {
    long wait = 500;
    while (true) {
      int status;
      try {
        status = http.send(HttpRequest.newBuilder(URI.create(webhook)).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", secret)
            .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
      } catch (java.io.IOException e) {
        status = 0; // connection refused or reset: the app is down
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (status / 100 == 2) {
        return;
      }
      webhookRefusals.incrementAndGet();
      refusalsByStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      sleep(wait);
      wait = Math.min(wait * 2, 4_000);
    }
  }

  static String update(long chat, int messageId, String text) {
    return "{\"update_id\":" + UPDATE_IDS.incrementAndGet() + ",\"message\":{\"message_id\":" + messageId
        + ",\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Lead\"},"
        + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\",\"first_name\":\"Lead\"},\"date\":1764430000,"
        + "\"text\":" + BotApiServer.JSON.valueToTree(text) + "}}";
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
