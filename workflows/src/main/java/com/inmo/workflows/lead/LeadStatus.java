package com.inmo.workflows.lead;

/** How warm a lead is, derived from its score and the broker's thresholds. */
public enum LeadStatus {
  COLD, WARM, HOT, QUALIFIED
}
