package com.inmo.workflows.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * A task for a human of the broker's team, about one lead (the dashboard's inbox lists the open ones).
 *
 * @param kind   a {@link TaskKind} name
 * @param title  what to do, in Spanish, for the agent (at most 200 characters)
 * @param detail why, or what the agent should know (optional, at most 2,000 characters)
 * @param key    idempotency key chosen by the workflow, unique per lead: the same key again is the same task,
 *               even once done, so a task that may recur needs a key per occurrence
 *               ({@code "call-lead:3"}, not {@code "call-lead"})
 * @param dueAt  when it should be done by (optional)
 * @param at     when the workflow asked for it: the task's creation time
 */
public record TaskRecord(UUID leadId, String workflowId, String brokerSlug, String kind, String title, String detail,
                         String key, Instant dueAt, Instant at) {
}
