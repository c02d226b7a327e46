package com.inmo.activities.agent.eval;

import com.inmo.workflows.agent.AgentPersona;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.ConversationTurn;
import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Instant;
import java.util.List;

/**
 * One conversation of the evaluation set: who the agent is, what is known, what was said, the lead's
 * last message, and what a good turn must contain (fields, intent, flags) and must never say.
 *
 * @param known        fields the workflow already had before the last message
 * @param turns        the conversation before the last message, oldest first (author LEAD, AI or HUMAN)
 * @param forbidden    phrases the reply must not contain (compared without accents or capitals)
 */
public record EvalCase(String id, String category, AgentPersona persona, LeadStage stage, QualificationFields known,
                       List<Instant> offeredSlots, List<Turn> turns, String summary, String message,
                       boolean firstContact, Expected expected, List<String> forbidden) {

  static final AgentPersona DEFAULT_PERSONA =
      new AgentPersona("Sofía", "cercano", "Inmobiliaria Demo", List.of("Ñuñoa", "Providencia"), "es");

  public EvalCase {
    if (id == null || message == null || expected == null) {
      throw new IllegalArgumentException("an eval case needs id, message and expected: " + id);
    }
    persona = persona == null ? DEFAULT_PERSONA : persona;
    stage = stage == null ? LeadStage.PROFILING : stage;
    known = known == null ? QualificationFields.EMPTY : known;
    offeredSlots = offeredSlots == null ? List.of() : List.copyOf(offeredSlots);
    turns = turns == null ? List.of() : List.copyOf(turns);
    forbidden = forbidden == null ? List.of() : List.copyOf(forbidden);
    category = category == null ? "other" : category;
  }

  /** One earlier message. */
  public record Turn(String author, String text) {
  }

  /**
   * What a good answer contains. Flags left null are not scored; {@code chosenSlot} is an ISO instant,
   * or "none" when the answer must not pick a slot.
   *
   * @param fields            the fields in the last message only (null = must stay unknown)
   * @param acceptableIntents other intents that are also right for an ambiguous message
   */
  public record Expected(QualificationFields fields, Intent intent, List<Intent> acceptableIntents, Boolean optOut,
                         Boolean wantsHuman, Boolean wantsCall, Boolean wantsVisit, String chosenSlot) {

    public Expected {
      fields = fields == null ? QualificationFields.EMPTY : fields;
      acceptableIntents = acceptableIntents == null ? List.of() : List.copyOf(acceptableIntents);
      if (intent == null) {
        throw new IllegalArgumentException("expected.intent is required");
      }
    }

    boolean intentMatches(Intent actual) {
      return intent == actual || acceptableIntents.contains(actual);
    }
  }

  /** The activity request this case stands for (conversation in America/Santiago). */
  public AgentTurnRequest request() {
    Instant base = Instant.parse("2025-03-10T12:00:00Z");
    List<ConversationTurn> history = new java.util.ArrayList<>();
    for (int i = 0; i < turns.size(); i++) {
      history.add(new ConversationTurn(turns.get(i).author(), turns.get(i).text(), base.plusSeconds(60L * i)));
    }
    return new AgentTurnRequest("eval-" + id, persona, stage, known, history, summary, message, offeredSlots,
        "America/Santiago", firstContact);
  }
}
