package com.inmo.workflows.activity;

import com.inmo.workflows.call.CallReport;
import java.time.Instant;
import java.util.UUID;

/** One call attempt of a lead for the dashboard's call list: when, which attempt, and its report. */
public record CallRecord(UUID leadId, String workflowId, String brokerSlug, int attempt, Instant startedAt,
                         Instant endedAt, CallReport report) {
}
