package com.inmo.workflows.agent;

import com.inmo.workflows.lead.QualificationFields;
import java.time.Instant;

/**
 * The agent's structured answer for one turn; the workflow decides what to do with it (no side effect
 * happens inside the agent, so a retried turn repeats nothing).
 *
 * @param reply        the text to send the lead (Spanish by default)
 * @param extracted    fields learned from this message only (unknown ones null)
 * @param wantsVisit   the lead wants to see a property: the workflow offers slots
 * @param chosenSlot   one of the offered slots the lead picked, or null
 * @param optOut       the lead asked never to be contacted again
 */
public record AgentTurnResult(String reply, QualificationFields extracted, Intent intent, Sentiment sentiment,
                              boolean wantsHuman, boolean wantsCall, boolean wantsVisit, Instant chosenSlot,
                              boolean optOut) {

  public AgentTurnResult {
    extracted = extracted == null ? QualificationFields.EMPTY : extracted;
    intent = intent == null ? Intent.OTHER : intent;
    sentiment = sentiment == null ? Sentiment.NEUTRAL : sentiment;
  }
}
