package com.inmo.workflows.scoring;

import com.inmo.workflows.lead.LeadStatus;

/** A lead's score 0–100 with the components the dashboard shows, and the status it earns. */
public record ScoreBreakdown(int total, int profile, int engagement, int financial, int penalties,
                             LeadStatus status) {

  public static final ScoreBreakdown ZERO = new ScoreBreakdown(0, 0, 0, 0, 0, LeadStatus.COLD);
}
