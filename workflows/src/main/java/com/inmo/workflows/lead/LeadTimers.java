package com.inmo.workflows.lead;

import com.inmo.workflows.broker.BrokerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The timers that replace Celery Beat, as a pure function of the lead's state: what the workflow will do
 * on its own and when. The workflow sleeps until the earliest one (or a signal) and runs those due.
 */
final class LeadTimers {

  static final Duration HUMAN_REMINDER = Duration.ofMinutes(15);
  static final Duration ADMIN_ALERT = Duration.ofMinutes(30);
  static final Duration RETURN_TO_AI = Duration.ofMinutes(60);
  static final Duration REMINDER_24H = Duration.ofHours(24);
  static final Duration REMINDER_1H = Duration.ofHours(1);
  static final Duration POST_VISIT = Duration.ofHours(2);

  private LeadTimers() {
  }

  static NextAction next(LeadState s, BrokerConfig config) {
    return candidates(s, config).stream().min(Comparator.comparing(NextAction::at)).orElse(null);
  }

  static List<NextAction> due(LeadState s, BrokerConfig config, Instant now) {
    return candidates(s, config).stream().filter(a -> !a.at().isAfter(now))
        .sorted(Comparator.comparing(NextAction::at)).toList();
  }

  static List<NextAction> candidates(LeadState s, BrokerConfig config) {
    List<NextAction> out = new ArrayList<>();
    if (s.failed == null && !s.outbox.isEmpty()) {
      out.add(new NextAction(TimerKind.SEND_REPLY, s.outbox.get(0).notBefore()));
    }
    if (followUpsApply(s)) {
      List<Duration> cadence = config.followUpCadence();
      if (s.followUpsSent < cadence.size()) {
        boolean last = s.followUpsSent == cadence.size() - 1;
        out.add(new NextAction(last ? TimerKind.CLOSE_NO_RESPONSE : TimerKind.FOLLOW_UP,
            s.silenceSince.plus(cadence.get(s.followUpsSent))));
      }
    }
    Appointment a = s.appointment;
    if (a != null && a.booked() && !s.optedOut && !s.unreachable) {
      if (!a.reminded24h()) {
        out.add(new NextAction(TimerKind.VISIT_REMINDER_24H, a.start().minus(REMINDER_24H)));
      }
      if (!a.reminded1h()) {
        out.add(new NextAction(TimerKind.VISIT_REMINDER_1H, a.start().minus(REMINDER_1H)));
      }
      if (!a.followedUp()) {
        out.add(new NextAction(TimerKind.POST_VISIT, a.start().plus(POST_VISIT)));
      }
    }
    if (s.humanMode && s.humanWaitingSince != null) {
      switch (s.humanEscalation) {
        case 0 -> out.add(new NextAction(TimerKind.HUMAN_REMINDER, s.humanWaitingSince.plus(HUMAN_REMINDER)));
        case 1 -> out.add(new NextAction(TimerKind.ADMIN_ALERT, s.humanWaitingSince.plus(ADMIN_ALERT)));
        default -> out.add(new NextAction(TimerKind.RETURN_TO_AI, s.humanWaitingSince.plus(RETURN_TO_AI)));
      }
    }
    if (s.nextCallAt != null && s.activeCallId == null && !s.optedOut && !s.humanMode) {
      out.add(new NextAction(TimerKind.CALL, s.nextCallAt));
    }
    return out;
  }

  /** Silence follow-ups run while the AI waits for an open lead's answer, and nothing else is pending. */
  static boolean followUpsApply(LeadState s) {
    return s.silenceSince != null && !s.humanMode && !s.optedOut && !s.unreachable && !s.stage.isClosed()
        && s.stage != LeadStage.SCHEDULED && s.inbox.isEmpty() && s.outbox.isEmpty()
        && (s.appointment == null || !s.appointment.booked());
  }
}
