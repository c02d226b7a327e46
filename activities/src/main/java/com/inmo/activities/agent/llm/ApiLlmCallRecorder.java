package com.inmo.activities.agent.llm;

import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.logging.LogContext;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each {@link LlmCallRecord} to the api's read model ({@code POST /internal/v1/llm-calls}, expecting
 * 200, 201, 202 or 204). Posting happens on one background thread so a slow or absent api never delays a
 * lead's reply; a failed post is logged and dropped (cost figures are statistics, not ledgers), and when
 * more than {@value #QUEUE} records wait the newest are dropped.
 */
public final class ApiLlmCallRecorder implements LlmCallRecorder, AutoCloseable {

  public static final String PATH = "/internal/v1/llm-calls";
  static final int QUEUE = 1_000;
  private static final Logger log = LoggerFactory.getLogger(ApiLlmCallRecorder.class);

  private final InternalApiClient api;
  private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(QUEUE), runnable -> {
        Thread thread = new Thread(runnable, "llm-call-recorder");
        thread.setDaemon(true);
        return thread;
      }, new ThreadPoolExecutor.AbortPolicy());

  public ApiLlmCallRecorder(InternalApiClient api) {
    this.api = api;
  }

  @Override
  public void record(LlmCallRecord call) {
    try {
      executor.execute(LogContext.carrying(() -> post(call)));
    } catch (RejectedExecutionException e) {
      log.warn("LLM call records are backing up; dropped one of {}", call.provider());
    }
  }

  private void post(LlmCallRecord call) {
    try {
      InternalApiClient.expect(api.post(PATH, call), "recording an LLM call", 200, 201, 202, 204);
    } catch (RuntimeException e) {
      log.warn("could not record an LLM call of {} ({}): {}", call.provider(), call.outcome(), e.getMessage());
    }
  }

  /** Waits up to {@code millis} for queued records to be posted (tests, shutdown). */
  public boolean flush(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      if (executor.getQueue().isEmpty() && executor.getActiveCount() == 0) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
