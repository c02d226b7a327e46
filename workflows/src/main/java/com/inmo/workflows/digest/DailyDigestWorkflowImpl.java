package com.inmo.workflows.digest;

import com.inmo.workflows.activity.DigestRequest;
import com.inmo.workflows.activity.DigestSummary;
import com.inmo.workflows.activity.LeadRecordActivities;
import com.inmo.workflows.activity.TeamNotification;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** One digest per run, then continue-as-new: the history never grows. */
public class DailyDigestWorkflowImpl implements DailyDigestWorkflow {

  static final LocalTime SEND_AT = LocalTime.of(8, 0);

  private final LeadRecordActivities records = Workflow.newActivityStub(LeadRecordActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))
          .setScheduleToCloseTimeout(Duration.ofHours(2)).build());

  @Override
  public void run(DigestStart start) {
    ZoneId zone = ZoneId.of(start.timeZone());
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    Instant next = nextSendTime(now, zone);
    Workflow.sleep(Duration.between(now, next));
    // the digest covers the day that just ended
    DigestSummary summary = records.digest(new DigestRequest(start.brokerSlug(),
        next.atZone(zone).toLocalDate().minusDays(1)));
    records.notifyTeam(new TeamNotification(start.brokerSlug(), "DAILY_DIGEST", null,
        Workflow.getInfo().getWorkflowId(), text(summary), "digest-" + start.brokerSlug() + "-" + summary.day()));
    Workflow.continueAsNew(start);
  }

  static Instant nextSendTime(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime today = local.toLocalDate().atTime(SEND_AT).atZone(zone);
    return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
  }

  static String text(DigestSummary d) {
    return "Resumen del " + d.day() + ": " + d.newLeads() + " leads nuevos, " + d.hotLeads() + " calientes, "
        + d.visitsBooked() + " visitas agendadas, " + d.needsAttention() + " requieren atención, "
        + d.inHumanMode() + " en modo humano, " + d.lost() + " perdidos.";
  }
}
