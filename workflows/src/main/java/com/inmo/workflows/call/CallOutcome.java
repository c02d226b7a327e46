package com.inmo.workflows.call;

import java.time.Instant;

/** What a call attempt came to, sent to the lead's workflow when the call workflow ends. */
public record CallOutcome(String callWorkflowId, int attempt, CallReport report, Instant startedAt, Instant endedAt) {
}
