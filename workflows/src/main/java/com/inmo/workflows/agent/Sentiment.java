package com.inmo.workflows.agent;

/** The lead's mood in the latest message; FRUSTRATED hands the lead to a human. */
public enum Sentiment {
  POSITIVE, NEUTRAL, NEGATIVE, FRUSTRATED
}
