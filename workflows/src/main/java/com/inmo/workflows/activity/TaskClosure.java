package com.inmo.workflows.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * The workflow closes a task it no longer needs: the call it stood in for happened (DONE), or the lead opted
 * out, was lost or won (DISMISSED).
 *
 * @param key    the {@link TaskRecord#key()} it was created with
 * @param status DONE or DISMISSED
 * @param reason why, shown on the task (optional)
 */
public record TaskClosure(UUID leadId, String workflowId, String brokerSlug, String key, String status,
                          String reason, Instant at) {
}
