package com.inmo.activities.logging;

import java.util.Map;
import org.slf4j.MDC;

/**
 * Temporal puts the lead's {@code WorkflowId} (and run, type, activity) in the MDC of the threads it runs
 * activities on; work an activity hands to a thread of its own would log without it. {@link #carrying}
 * takes the caller's MDC along, so every line about a lead names it (production logs are JSON with the MDC as
 * fields).
 */
public final class LogContext {

  private LogContext() {
  }

  /** The task, run with the MDC the calling thread has now; the running thread's own MDC is restored after. */
  public static Runnable carrying(Runnable task) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> previous = MDC.getCopyOfContextMap();
      if (context == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(context);
      }
      try {
        task.run();
      } finally {
        if (previous == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(previous);
        }
      }
    };
  }
}
