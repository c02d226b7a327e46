package com.inmo.activities;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Heartbeats a long activity (a model's turn can take a minute) while it works, so that when its worker dies
 * Temporal retries it after the heartbeat timeout instead of the whole start-to-close timeout: a crash then
 * delays the lead's answer by seconds, not minutes. Outside an activity (tests, the evaluation harness) the work
 * simply runs.
 */
public final class Heartbeats {

  static final Duration EVERY = Duration.ofSeconds(3);
  private static final ExecutorService WORK = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "activity-work");
    t.setDaemon(true);
    return t;
  });

  private Heartbeats() {
  }

  public static <T> T whileRunning(Supplier<T> work) {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException | NullPointerException notAnActivity) {
      return work.get();
    }
    CompletableFuture<T> running = CompletableFuture.supplyAsync(work, WORK);
    try {
      while (true) {
        context.heartbeat(null);
        try {
          return running.get(EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWorking) {
          // heartbeat again
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.cancel(true);
      throw new IllegalStateException("interrupted while working", e);
    } catch (RuntimeException e) {
      // the heartbeat says the activity was cancelled or timed out: stop waiting for the work
      running.cancel(true);
      throw e;
    }
  }
}
