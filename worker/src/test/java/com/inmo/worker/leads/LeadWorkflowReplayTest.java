package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.workflows.call.CallWorkflowImpl;
import com.inmo.workflows.digest.DailyDigestWorkflowImpl;
import com.inmo.workflows.lead.LeadOutcome;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.ReplayResults;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Histories recorded from the lifecycle tests (src/test/resources/histories) replay against the current
 * workflow code: a change that would break running leads fails the build. To record anew after an
 * intended, versioned change: run the workflow tests, then copy target/histories/*.json there.
 */
class LeadWorkflowReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories");

  static List<WorkflowExecutionHistory> recorded() throws IOException {
    List<WorkflowExecutionHistory> histories = new ArrayList<>();
    try (Stream<Path> files = Files.list(HISTORIES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString();
        String workflowId = name.substring(name.indexOf("__") + 2, name.length() - ".json".length());
        histories.add(WorkflowExecutionHistory.fromJson(Files.readString(file), workflowId));
      }
    }
    return histories;
  }

  @Test
  void everyRecordedLeadReplaysOnTheCurrentCode() throws Exception {
    List<WorkflowExecutionHistory> histories = recorded();
    assertThat(histories).as("recorded histories").hasSizeGreaterThanOrEqualTo(8);
    assertThat(histories).as("every workflow type and channel has recorded histories")
        .extracting(h -> h.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName())
        .contains("LeadWorkflow", "CallWorkflow", "DailyDigestWorkflow");
    assertThat(histories).extracting(h -> h.getWorkflowExecution().getWorkflowId())
        .anyMatch(id -> id.contains("-telegram-")).anyMatch(id -> id.contains("-webchat-"));

    ReplayResults results = WorkflowReplayer.replayWorkflowExecutions(histories, false, LeadWorkflowImpl.class,
        CallWorkflowImpl.class, DailyDigestWorkflowImpl.class);

    assertThat(results.allErrors()).as("replay errors").extracting(e -> e.workflowId + ": " + e.exception).isEmpty();
  }

  @Test
  void aNonDeterministicChangeIsCaught() throws Exception {
    WorkflowExecutionHistory journey = recorded().stream()
        .filter(h -> h.getWorkflowExecution().getWorkflowId().contains("journey")).findFirst().orElseThrow();

    assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(journey, DriftedLeadWorkflow.class))
        .hasStackTraceContaining("NonDeterministic");
  }

  /** The lead workflow as a careless change would leave it: a new timer before everything else. */
  public static class DriftedLeadWorkflow extends LeadWorkflowImpl {

    @WorkflowInit
    public DriftedLeadWorkflow(LeadStart start) {
      super(start);
    }

    @Override
    public LeadOutcome run(LeadStart start) {
      Workflow.sleep(Duration.ofSeconds(5));
      return super.run(start);
    }
  }
}
