package com.inmo.workflows.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a lead's conversation.
 *
 * @param direction  INBOUND or OUTBOUND
 * @param author     LEAD, AI, HUMAN or SYSTEM
 * @param externalId the channel's message id, or the workflow's idempotency key for outbound messages
 */
public record MessageRecord(UUID leadId, String workflowId, String brokerSlug, String direction, String author,
                            String authorUserId, String externalId, String body, Instant at) {
}
