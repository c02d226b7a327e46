package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.activity.TeamNotification;
import com.inmo.workflows.digest.DailyDigestWorkflow;
import com.inmo.workflows.digest.DigestStart;
import com.inmo.workflows.lead.LeadWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class DailyDigestWorkflowTest extends LeadWorkflowTestBase {

  @Test
  void theAdminGetsTheDigestAtEightEveryMorningAndASecondStartIsRefused() {
    DailyDigestWorkflow digest = client.newWorkflowStub(DailyDigestWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(DailyDigestWorkflow.workflowId("demo")).setTaskQueue(LeadWorkflow.TASK_QUEUE).build());
    WorkflowClient.start(digest::run, new DigestStart("demo", "America/Santiago"));
    keepHistory(DailyDigestWorkflow.workflowId("demo"));
    DailyDigestWorkflow twin = client.newWorkflowStub(DailyDigestWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(DailyDigestWorkflow.workflowId("demo")).setTaskQueue(LeadWorkflow.TASK_QUEUE).build());
    Assertions.assertThatThrownBy(() -> WorkflowClient.start(twin::run, new DigestStart("demo", "America/Santiago")))
        .isInstanceOf(WorkflowExecutionAlreadyStarted.class);

    ZonedDateTime eight = START.atZone(SANTIAGO).plusDays(1).with(LocalTime.of(8, 0));
    env.sleep(Duration.between(now(), eight.toInstant()).plusMinutes(1));
    awaitDigests(1);
    env.sleep(Duration.ofDays(1));
    awaitDigests(2);

    List<TeamNotification> digests = digests();
    assertThat(digests.get(0).text()).startsWith("Resumen del 2026-12-01:");
    assertThat(digests.get(1).text()).startsWith("Resumen del 2026-12-02:");
    assertThat(digests).extracting(TeamNotification::key).doesNotHaveDuplicates();
  }

  private List<TeamNotification> digests() {
    return records.notifications.stream().filter(n -> n.kind().equals("DAILY_DIGEST")).toList();
  }

  private void awaitDigests(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (digests().size() < count && System.nanoTime() < deadline) {
      sleepReal(25);
    }
    assertThat(digests()).hasSize(count);
  }
}
