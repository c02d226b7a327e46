package com.inmo.api.telegram;

import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.util.Locale;

/**
 * What one Telegram update means for a lead: whose chat, which message, and how the lead's workflow starts
 * if this is its first message.
 *
 * @param leadSource    the {@code LeadStart} source: a /start deep-link payload, else "telegram"
 * @param mayStartLead  false for an edit or a block: those only ever concern a lead that exists, so they
 *                      signal its workflow and never start one
 */
record LeadInbound(long chatId, InboundMessage message, String leadSource, boolean mayStartLead) {

  /** The lead's workflow, {@code lead-<broker>-telegram-<chatId>}. */
  String workflowId(String brokerSlug) {
    return LeadWorkflowIds.telegram(brokerSlug, chatId);
  }

  /** How the lead's workflow starts when this is the conversation's first message. */
  LeadStart start(String brokerSlug) {
    return new LeadStart(brokerSlug.toLowerCase(Locale.ROOT), Channel.TELEGRAM, String.valueOf(chatId), leadSource,
        null, null);
  }
}
