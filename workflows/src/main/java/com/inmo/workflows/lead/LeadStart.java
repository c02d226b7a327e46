package com.inmo.workflows.lead;

/**
 * How a lead's workflow starts: its broker and channel identity, and for imported leads what is already
 * known. {@code carried} is set only by continue-as-new.
 *
 * @param channelRef the Telegram chat id or the web chat session id
 * @param source     where the lead came from (a deep-link payload, a campaign, "import")
 */
public record LeadStart(String brokerSlug, Channel channel, String channelRef, String source,
                        QualificationFields knownFields, LeadState carried) {
}
