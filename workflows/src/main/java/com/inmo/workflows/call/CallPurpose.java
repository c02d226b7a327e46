package com.inmo.workflows.call;

/** Why a lead is called: the voice assistant's briefing depends on it (the wire carries the name). */
public enum CallPurpose {
  /** What the lead is looking for: zone, type, bedrooms, budget, timeline. */
  INITIAL_QUALIFICATION,
  /** Income and credit record. */
  FINANCIAL_QUALIFICATION,
  /** The booked visit: confirm it or move it. */
  VISIT_CONFIRMATION,
  /** How the visit went. */
  POST_VISIT,
  /** A lead who did not answer: try again. */
  REACTIVATION
}
