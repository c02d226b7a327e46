package com.inmo.workflows.lead;

/** What a lead's workflow does on its own when a timer comes due (the dashboard shows the next one). */
public enum TimerKind {
  /** An AI message waiting for the broker's business hours goes out. */
  SEND_REPLY,
  /** The lead is silent: a nudge of the follow-up cadence. */
  FOLLOW_UP,
  /** The cadence ran out: a closing message, and the lead is LOST ("no response"). */
  CLOSE_NO_RESPONSE,
  VISIT_REMINDER_24H,
  VISIT_REMINDER_1H,
  /** After the visit: how did it go. */
  POST_VISIT,
  /** A lead waits for a person's reply: the agent is reminded (15 min). */
  HUMAN_REMINDER,
  /** ... the admin is alerted (30 min). */
  ADMIN_ALERT,
  /** ... the conversation goes back to the AI (60 min). */
  RETURN_TO_AI,
  /** A planned call (a retry, or tomorrow's) is placed. */
  CALL
}
