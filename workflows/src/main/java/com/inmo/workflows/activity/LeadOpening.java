package com.inmo.workflows.activity;

/**
 * The answer to opening a lead's row: {@code created} when the row did not exist (the snapshot was written),
 * else what the row already held, left untouched for the workflow to build on.
 */
public record LeadOpening(boolean created, KnownLead known) {
}
