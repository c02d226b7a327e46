package com.inmo.workflows.digest;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Each morning at 08:00 in the broker's time zone, the broker's admin gets the day's figures. A timer loop
 * with a fixed id per broker ({@link #workflowId}), started idempotently by the worker (the embedded dev
 * server has no Schedules).
 */
@WorkflowInterface
public interface DailyDigestWorkflow {

  static String workflowId(String brokerSlug) {
    return "digest-" + brokerSlug;
  }

  @WorkflowMethod
  void run(DigestStart start);
}
