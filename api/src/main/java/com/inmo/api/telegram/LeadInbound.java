package com.inmo.api.telegram;

import com.inmo.workflows.lead.InboundMessage;

/**
 * What one Telegram update means for a lead: whose chat, which message, and how the lead's workflow starts
 * if this is its first message.
 *
 * @param leadSource    the {@code LeadStart} source: a /start deep-link payload, else "telegram"
 * @param mayStartLead  false for an edit or a block: those only ever concern a lead that exists, so they
 *                      signal its workflow and never start one
 */
record LeadInbound(long chatId, InboundMessage message, String leadSource, boolean mayStartLead) {
}
