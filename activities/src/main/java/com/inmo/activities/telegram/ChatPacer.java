package com.inmo.activities.telegram;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * About one message per second per chat, inside this process: Telegram answers 429 to a bot that writes
 * faster to one chat. Each caller reserves the chat's next free slot and sleeps until it, so concurrent
 * senders to one chat go out in turn and other chats are never held up. Several worker processes each pace
 * on their own; a 429 that still gets through is retried by Temporal after Telegram's {@code retry_after}.
 */
public class ChatPacer {

  private static final int PRUNE_ABOVE = 10_000;

  private final long intervalNanos;
  private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();

  public ChatPacer(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  /** Waits for this chat's turn; {@code chat} should name the bot too (the limit is per bot and chat). */
  public void awaitTurn(String chat) {
    long now = System.nanoTime();
    long[] slot = new long[1];
    nextSlot.compute(chat, (key, next) -> {
      slot[0] = next == null || next - now < 0 ? now : next;
      return slot[0] + intervalNanos;
    });
    if (nextSlot.size() > PRUNE_ABOVE) {
      nextSlot.values().removeIf(next -> next - now < 0); // chats idle for longer than the interval
    }
    long wait = slot[0] - now;
    if (wait > 0) {
      pause(wait);
    }
  }

  /** Waits; a test overrides it to see the waits without taking them. */
  protected void pause(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pacing messages to a Telegram chat", e);
    }
  }
}
