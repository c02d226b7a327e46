package com.inmo.workflows.lead;

import java.util.Locale;
import java.util.UUID;

/**
 * Deterministic workflow ids, so a webhook can signal a lead without touching the database. The broker is
 * part of the id: one person writing to two brokers' bots is two leads.
 */
public final class LeadWorkflowIds {

  private LeadWorkflowIds() {
  }

  public static String telegram(String brokerSlug, long chatId) {
    return "lead-" + slug(brokerSlug) + "-telegram-" + chatId;
  }

  public static String webchat(String brokerSlug, String sessionId) {
    return "lead-" + slug(brokerSlug) + "-webchat-" + sessionId;
  }

  public static String imported(String brokerSlug, UUID leadId) {
    return "lead-" + slug(brokerSlug) + "-" + leadId;
  }

  /** The lead's id in the read model: a name-based UUID of its workflow id, so both sides derive it alone. */
  public static UUID leadId(String workflowId) {
    return UUID.nameUUIDFromBytes(workflowId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The id of a lead's voice call attempt (the provider's idempotency key derives from it). */
  public static String call(String leadWorkflowId, int attempt) {
    return leadWorkflowId + "-call-" + attempt;
  }

  private static String slug(String brokerSlug) {
    return brokerSlug.toLowerCase(Locale.ROOT);
  }
}
