package com.inmo.workflows.lead;

import com.inmo.workflows.agent.ConversationTurn;

/**
 * Folds turns that leave the agent's window into a bounded running summary, so a lead's history never
 * grows without limit. (The LLM providers summarise better; this keeps the offline path self-contained.)
 */
final class Summaries {

  static final int MAX_SUMMARY_CHARS = 2_000;

  private Summaries() {
  }

  static String fold(String summary, ConversationTurn turn) {
    String text = turn.text() == null ? "" : turn.text().replaceAll("\\s+", " ").trim();
    if (text.length() > 160) {
      text = text.substring(0, 157) + "...";
    }
    String next = (summary == null || summary.isEmpty() ? "" : summary + "\n") + turn.author() + ": " + text;
    return next.length() <= MAX_SUMMARY_CHARS ? next : next.substring(next.length() - MAX_SUMMARY_CHARS);
  }
}
