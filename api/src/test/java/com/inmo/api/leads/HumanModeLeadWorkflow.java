package com.inmo.api.leads;

import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadOutcome;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.QualificationFields;
import com.inmo.workflows.scoring.ScoreBreakdown;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * A stand-in lead workflow whose {@code state} tells its human mode as the test wrote it in the start's
 * {@code source}: {@code "humanMode|humanUserId|humanSince|humanWaitingSince"}, {@code -} for none.
 */
public class HumanModeLeadWorkflow extends FakeLeadWorkflow {

  private String[] human = {"false", "-", "-", "-"};

  @Override
  public LeadOutcome run(LeadStart start) {
    human = start.source().split("\\|");
    return super.run(start);
  }

  @Override
  public LeadView state() {
    return new LeadView(Workflow.getInfo().getWorkflowId(), null, "demo", Channel.IMPORT, LeadStage.PROFILING,
        ScoreBreakdown.ZERO, QualificationFields.EMPTY, Boolean.parseBoolean(human[0]), value(human[1]),
        instant(human[2]), instant(human[3]), false, false, false, null, null, 0, 0, List.of(), null, 0, null, null,
        null, 0, null, null);
  }

  private static String value(String s) {
    return "-".equals(s) ? null : s;
  }

  private static Instant instant(String s) {
    return "-".equals(s) ? null : Instant.parse(s);
  }
}
