package com.inmo.workflows.lead;

import com.inmo.workflows.activity.KnownLead;
import com.inmo.workflows.activity.LeadOpening;
import com.inmo.workflows.activity.LeadSnapshot;
import com.inmo.workflows.agent.ConversationTurn;
import io.temporal.workflow.Workflow;

/**
 * A lead's lives. A closed lead quiet for {@link LeadWorkflowImpl#CLOSED_LEAD_KEPT} ends its run; if it writes
 * again, signal-with-start begins a new run under the same workflow id. That run is a new life of the same lead:
 * it reads what the read model holds (stage, fields, the last messages) before writing its row, and tags every
 * key it derives (messages, visits, calls) with the life, so nothing collides with what earlier lives recorded.
 */
final class LeadLives {

  static final int TAG_LENGTH = 8;

  private final LeadCore core;
  private final LeadState s;

  LeadLives(LeadCore core) {
    this.core = core;
    this.s = core.s;
  }

  /**
   * A run that does not carry a life forward begins one. Its tag (from its first run's id: deterministic) marks
   * the keys it derives until the opening tells whether an earlier life exists; a first life drops it.
   */
  void begin() {
    s.lifeTag = Workflow.getInfo().getFirstExecutionRunId().replace("-", "").substring(0, TAG_LENGTH);
    s.opened = false;
  }

  /** Opens the lead's row; false when the api could not be reached (the lead then needs attention). */
  boolean open() {
    LeadSnapshot snapshot = core.snapshot();
    LeadOpening opening = core.steps.attempt("open lead", () -> core.steps.records.openLead(snapshot));
    if (opening == null) {
      return false;
    }
    s.opened = true;
    if (opening.created()) {
      // the lead's first life: its keys keep the plain form (the tag only tells a later life's apart)
      s.lifeTag = null;
      core.markSaved(snapshot);
    } else if (opening.known() != null) {
      carryOver(opening.known());
    }
    return true;
  }

  private void carryOver(KnownLead known) {
    if (known.fields() != null) {
      s.fields = known.fields().mergedWith(s.fields);
    }
    if (known.stage() != null) {
      s.stage = known.stage();
      s.closeReason = known.closeReason();
      s.closedAt = known.stage().isClosed() ? core.now() : null;
    }
    if (s.source == null) {
      s.source = known.source();
    }
    s.optedOut = known.optedOut();
    String earlier = "";
    for (ConversationTurn turn : known.lastMessages() == null ? java.util.List.<ConversationTurn>of()
        : known.lastMessages()) {
      earlier = Summaries.fold(earlier, turn);
    }
    s.earlierLives = earlier;
  }
}
