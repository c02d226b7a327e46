package com.inmo.workflows.lead;

/**
 * The pipeline of the original system, kept. Automatic moves only go forward; a human may move a lead
 * anywhere, and every move is recorded with who and why.
 */
public enum LeadStage {
  NEW, PROFILING, FINANCIAL_QUALIFICATION, POTENTIAL, SCHEDULED, WON, LOST;

  public boolean isClosed() {
    return this == WON || this == LOST;
  }

  /** Whether an automatic (AI) move from this stage to {@code next} goes forward. */
  public boolean canAdvanceTo(LeadStage next) {
    return !isClosed() && next.ordinal() > ordinal();
  }
}
