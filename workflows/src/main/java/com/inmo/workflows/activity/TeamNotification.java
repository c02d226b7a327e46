package com.inmo.workflows.activity;

import java.util.UUID;

/**
 * @param kind HOT_LEAD, HUMAN_REQUESTED, HUMAN_REMINDER, ADMIN_ALERT, NEEDS_ATTENTION, VISIT_BOOKED,
 *             DAILY_DIGEST
 * @param key  idempotency key: a retried notification is delivered once
 */
public record TeamNotification(String brokerSlug, String kind, UUID leadId, String workflowId, String text,
                               String key) {
}
