package com.inmo.workflows.lead;

/**
 * How a lead's workflow starts: its broker and channel identity, and for imported leads what is already
 * known. {@code carried} is set only by continue-as-new.
 *
 * @param channelRef     the Telegram chat id or the web chat session id
 * @param source         where the lead came from (a deep-link payload, a campaign, "import")
 * @param historyLimit   continue-as-new once the history holds this many events (null: Temporal's
 *                       suggestion alone decides); tests set it low to exercise continue-as-new
 */
public record LeadStart(String brokerSlug, Channel channel, String channelRef, String source,
                        QualificationFields knownFields, LeadState carried, Integer historyLimit) {

  public LeadStart(String brokerSlug, Channel channel, String channelRef, String source,
                   QualificationFields knownFields, LeadState carried) {
    this(brokerSlug, channel, channelRef, source, knownFields, carried, null);
  }
}
