package com.inmo.workflows.lead;

import io.temporal.workflow.Workflow;

/**
 * The lead workflow's versioned changes. Each one changed what a running lead does at some point of its
 * history; {@link #applies} records the choice in the history the first time the new code reaches that point,
 * so a lead whose history was written by the older code replays it unchanged (LeadWorkflowReplayTest proves
 * both). Never remove one while leads that started before it may still be running.
 */
final class LeadChanges {

  /** A call refused by the call caps falls back to a message. */
  static final String CALL_CAP_FALLBACK = "call-cap-fallback";
  /** A lead that needs attention rests until a retry or a message instead of re-running its due timers. */
  static final String FAILED_LEAD_RESTS = "failed-lead-rests";
  /** Update handlers check their preconditions again under the lock (two concurrent updates). */
  static final String UPDATES_RECHECKED = "updates-rechecked";
  /** A request carrying an idempotency key is applied once. */
  static final String IDEMPOTENT_REQUESTS = "idempotent-requests";
  /** A closed lead is offered no visit; LOST never holds a booked visit; a human's booking reopens it. */
  static final String CLOSED_LEAD_VISITS = "closed-lead-visits";
  /** More than {@link LeadState#MAX_WAITING} waiting messages are compacted ({@link InboxLimits}). */
  static final String INBOX_BOUNDED = "inbox-bounded";
  /** Texts waiting together are each recorded, then answered once. */
  static final String BURSTS_TOGETHER = "bursts-answered-together";
  /** A number written in the chat is called only after the lead confirms it (or a person calls it). */
  static final String CALL_CONSENT = "call-consent";
  /** With calling off (no voice provider) a wanted call becomes a task for a person. */
  static final String VOICE_OFF_TASK = "voice-off-task";
  /** A new run of a lead that ended reads its earlier life and keys everything apart from it. */
  static final String LEAD_LIVES = "lead-lives";

  private LeadChanges() {
  }

  static boolean applies(String change) {
    return Workflow.getVersion(change, Workflow.DEFAULT_VERSION, 1) == 1;
  }
}
