package com.inmo.api.leads;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lead as the dashboard lists it: its read-model row. */
public record LeadRow(UUID id, UUID brokerId, String brokerSlug, String workflowId, String channel, String channelRef,
                      String source, String name, String phone, String email, String zone, String propertyType,
                      Integer bedrooms, Long budgetClp, Long monthlyIncomeClp, String dicomStatus, String timeline,
                      String stage, int score, String status, boolean humanMode, boolean needsAttention,
                      String attentionReason, boolean optedOut, boolean unreachable, UUID assignedAgentId,
                      String nextAction, Instant nextActionAt, Instant lastMessageAt, Instant createdAt,
                      Instant updatedAt, List<String> tags) {

  static final String COLUMNS = """
      l.id, l.broker_id, b.slug AS broker_slug, l.workflow_id, l.channel, l.channel_ref, l.source, l.name, l.phone,
      l.email, l.zone, l.property_type, l.bedrooms, l.budget_clp, l.monthly_income_clp, l.dicom_status, l.timeline,
      l.stage, l.score, l.status, l.human_mode, l.needs_attention, l.attention_reason, l.opted_out, l.unreachable,
      l.assigned_agent_id, l.next_action, l.next_action_at, l.last_message_at, l.created_at, l.updated_at, l.tags""";

  static LeadRow map(io.r2dbc.spi.Readable r) {
    return new LeadRow(r.get("id", UUID.class), r.get("broker_id", UUID.class), r.get("broker_slug", String.class),
        r.get("workflow_id", String.class), r.get("channel", String.class), r.get("channel_ref", String.class),
        r.get("source", String.class), r.get("name", String.class), r.get("phone", String.class),
        r.get("email", String.class), r.get("zone", String.class), r.get("property_type", String.class),
        r.get("bedrooms", Integer.class), r.get("budget_clp", Long.class), r.get("monthly_income_clp", Long.class),
        r.get("dicom_status", String.class), r.get("timeline", String.class), r.get("stage", String.class),
        r.get("score", Integer.class), r.get("status", String.class), flag(r, "human_mode"),
        flag(r, "needs_attention"), r.get("attention_reason", String.class), flag(r, "opted_out"),
        flag(r, "unreachable"), r.get("assigned_agent_id", UUID.class), r.get("next_action", String.class),
        r.get("next_action_at", Instant.class), r.get("last_message_at", Instant.class),
        r.get("created_at", Instant.class), r.get("updated_at", Instant.class), tags(r));
  }

  private static List<String> tags(io.r2dbc.spi.Readable r) {
    String[] tags = r.get("tags", String[].class);
    return tags == null ? List.of() : List.of(tags);
  }

  private static boolean flag(io.r2dbc.spi.Readable r, String column) {
    return Boolean.TRUE.equals(r.get(column, Boolean.class));
  }
}
