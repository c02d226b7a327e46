package com.inmo.workflows.activity;

import com.inmo.workflows.lead.Channel;
import java.util.UUID;

/** @param author AI, HUMAN or SYSTEM; {@code authorUserId} is set for HUMAN */
public record OutboundMessage(UUID leadId, String workflowId, String brokerSlug, Channel channel, String channelRef,
                              String text, String idempotencyKey, String author, String authorUserId) {
}
