package com.inmo.workflows.scoring;

import com.inmo.workflows.lead.QualificationFields;

/** What the score is computed from: the fields plus how the lead has engaged. */
public record ScoreInputs(QualificationFields fields, int inboundMessages, boolean wantsVisit, boolean visitBooked,
                          boolean frustrated, boolean optedOut) {
}
