package com.inmo.workflows.agent;

import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Instant;
import java.util.List;

/**
 * Everything the agent needs for one turn. The lead's text is data, never instructions.
 *
 * @param recentTurns   the last turns, oldest first (bounded; older ones live in {@code summary})
 * @param offeredSlots  visit slots the workflow may book; a chosen slot must be one of these
 * @param firstContact  whether this is the lead's first message (the agent introduces itself)
 */
public record AgentTurnRequest(String leadId, AgentPersona persona, LeadStage stage, QualificationFields fields,
                               List<ConversationTurn> recentTurns, String summary, String message,
                               List<Instant> offeredSlots, String timeZone, boolean firstContact) {

  public AgentTurnRequest {
    recentTurns = recentTurns == null ? List.of() : List.copyOf(recentTurns);
    offeredSlots = offeredSlots == null ? List.of() : List.copyOf(offeredSlots);
    fields = fields == null ? QualificationFields.EMPTY : fields;
  }
}
