package com.inmo.workflows.activity;

/**
 * What a task for a human asks of the broker's team. {@link TaskRecord#kind()} carries the name, so a worker
 * and an api of different builds can still exchange one; the api refuses a name it does not know.
 */
public enum TaskKind {
  /** Phone the lead by hand: the workflow wanted a call it cannot place (no voice provider, calling off). */
  CALL_LEAD,
  /** Approve (or not) a call to a number the AI may not dial on its own, e.g. one typed in the web chat. */
  APPROVE_CALL,
  /** Get in touch with a lead the AI has not reached, e.g. one imported from a file. */
  CONTACT_LEAD,
  /** The visit happened: move the lead to WON or LOST. */
  CLOSE_AFTER_VISIT,
  /** Follow the lead up by hand: the automatic follow-ups ran out or cannot be sent. */
  FOLLOW_UP_MANUALLY
}
