package com.inmo.activities.agent.llm;

import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.agent.Sentiment;
import com.inmo.workflows.lead.QualificationFields;

/**
 * What the lead gets when no valid answer could be had from the model even after one repair, or when no model
 * may be asked.
 */
public final class SafeReplies {

  public static final String REPHRASE =
      "Disculpa, no logré entender bien tu mensaje. ¿Me lo podrías escribir de otra forma?";

  /** No extracted data, no intent, no flag: the workflow changes nothing and the lead is asked again. */
  public static final AgentTurnResult FALLBACK = new AgentTurnResult(REPHRASE, QualificationFields.EMPTY, Intent.OTHER,
      Sentiment.NEUTRAL, false, false, false, null, false);

  public static final String BUDGET_SPENT_REPLY =
      "¡Gracias por escribirnos! Una persona de nuestro equipo te responderá a la brevedad por aquí.";

  /**
   * The broker's daily LLM budget is spent: no model is asked, and a person of the team takes the lead
   * ({@code wantsHuman}); nothing is extracted, so the workflow changes nothing else.
   */
  public static final AgentTurnResult BUDGET_SPENT = new AgentTurnResult(BUDGET_SPENT_REPLY, QualificationFields.EMPTY,
      Intent.OTHER, Sentiment.NEUTRAL, true, false, false, null, false);

  public static final String SUMMARY_UNAVAILABLE =
      "No fue posible resumir la llamada automáticamente; revisa la transcripción.";

  private SafeReplies() {
  }
}
