package com.inmo.workflows.lead;

import com.inmo.workflows.activity.AgentActivities;
import com.inmo.workflows.activity.CalendarActivities;
import com.inmo.workflows.activity.LeadRecordActivities;
import com.inmo.workflows.activity.MessagingActivities;
import com.inmo.workflows.activity.TeamNotification;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The lead workflow's activities and what happens when one gives up. Temporal retries each with backoff for
 * up to ten minutes (a provider hiccup never reaches the lead); past that, the workflow does not fail: the
 * step is recorded as failed, the lead "needs attention", and an operator's retry resumes it.
 */
final class LeadSteps {

  private static final Logger log = Workflow.getLogger(LeadSteps.class);

  static final RetryOptions RETRY = RetryOptions.newBuilder()
      .setInitialInterval(Duration.ofSeconds(2))
      .setBackoffCoefficient(2)
      .setMaximumInterval(Duration.ofMinutes(1))
      .build();

  private static ActivityOptions options(Duration startToClose) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(RETRY)
        .build();
  }

  /** A model's turn may take a minute; it heartbeats, so a dead worker's turn is retried within seconds. */
  final AgentActivities agent = Workflow.newActivityStub(AgentActivities.class,
      ActivityOptions.newBuilder(options(Duration.ofSeconds(90))).setHeartbeatTimeout(Duration.ofSeconds(15)).build());
  final LeadRecordActivities records = Workflow.newActivityStub(LeadRecordActivities.class, options(Duration.ofSeconds(15)));
  final MessagingActivities messaging = Workflow.newActivityStub(MessagingActivities.class, options(Duration.ofSeconds(30)));
  final CalendarActivities calendar = Workflow.newActivityStub(CalendarActivities.class, options(Duration.ofSeconds(30)));
  /** The read model's writes while a lead rests: a short try, since the next message tries again. */
  final LeadRecordActivities restingRecords = Workflow.newActivityStub(LeadRecordActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(15))
          .setScheduleToCloseTimeout(Duration.ofMinutes(1)).setRetryOptions(RETRY).build());

  private final LeadState state;

  LeadSteps(LeadState state) {
    this.state = state;
  }

  /** The broker's settings as they are now; null when the read gave up (the lead then needs attention). */
  com.inmo.workflows.broker.BrokerConfig brokerSettings(String brokerSlug) {
    return attempt("read broker settings",
        () -> records.brokerConfig(new com.inmo.workflows.activity.BrokerConfigRequest(brokerSlug)));
  }

  /** Runs a step; null when it gave up (the lead then needs attention). */
  <T> T attempt(String step, Supplier<T> call) {
    try {
      return call.get();
    } catch (ActivityFailure e) {
      String error = rootMessage(e);
      log.warn("Step '{}' of {} gave up: {}", step, state.workflowId, error);
      state.failed = new FailedStep(step, error, Instant.ofEpochMilli(Workflow.currentTimeMillis()));
      notifyQuietly("NEEDS_ATTENTION", "El paso '" + step + "' falló: " + error);
      return null;
    }
  }

  /** Runs a step whose failure changes nothing: the lead's failed step (if any) stays the one it shows. */
  boolean quietly(String step, Runnable call) {
    try {
      call.run();
      return true;
    } catch (ActivityFailure e) {
      log.warn("Step '{}' of {} failed quietly: {}", step, state.workflowId, rootMessage(e));
      return false;
    }
  }

  boolean attempt(String step, Runnable call) {
    return attempt(step, () -> {
      call.run();
      return Boolean.TRUE;
    }) != null;
  }

  /** Team notifications never hold a lead up: one that cannot be delivered is logged and dropped. */
  void notifyQuietly(String kind, String text) {
    try {
      records.notifyTeam(new TeamNotification(state.brokerSlug, kind, state.leadId, state.workflowId, text,
          state.nextOutboundKey("notify-" + kind.toLowerCase(java.util.Locale.ROOT))));
    } catch (ActivityFailure e) {
      log.warn("Notification {} for {} not delivered: {}", kind, state.workflowId, rootMessage(e));
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t instanceof ApplicationFailure af && af.getOriginalMessage() != null) {
      return af.getOriginalMessage();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
