package com.inmo.workflows.lead;

/** Who wrote a message of the conversation (the read model and the agent's turns carry the name). */
public enum Author {
  LEAD,
  /** The AI agent, or the workflow speaking for it (reminders, follow-ups). */
  AI,
  /** A person of the broker's team. */
  HUMAN,
  /** A note for the team (a takeover, a call's summary): never shown to the lead. */
  SYSTEM
}
