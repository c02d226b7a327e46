package com.inmo.workflows.lead;

import java.time.Instant;

/**
 * A message from the lead.
 *
 * @param messageId the channel's id (Telegram update/message id, web chat client id): de-duplicated
 * @param provided  structured data the channel gave (a shared contact's phone), or null
 */
public record InboundMessage(String messageId, MessageKind kind, String text, Instant sentAt, QualificationFields provided,
                             String source) {

  public static InboundMessage text(String messageId, String text, Instant sentAt) {
    return new InboundMessage(messageId, MessageKind.TEXT, text, sentAt, null, null);
  }
}
