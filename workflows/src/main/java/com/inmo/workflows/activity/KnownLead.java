package com.inmo.workflows.activity;

import com.inmo.workflows.agent.ConversationTurn;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.QualificationFields;
import java.util.List;

/**
 * What the read model already holds of a lead when a new run of its workflow opens it: a lead whose earlier
 * run ended and who writes again, or a lead a human created or imported before its workflow started.
 *
 * @param lastMessages the newest messages of the conversation, oldest first (at most a few)
 */
public record KnownLead(LeadStage stage, String closeReason, QualificationFields fields, String source,
                        boolean optedOut, List<ConversationTurn> lastMessages) {
}
