package com.inmo.api.calls;

import java.time.Instant;
import java.util.UUID;

/** A call as the dashboard lists it: who was called, the provider's call id, the outcome and what was said. */
public record CallRow(UUID id, String brokerSlug, UUID leadId, String leadName, UUID assignedAgentId, String workflowId,
                      String callWorkflowId, int attempt, String provider, String providerCallId, String status,
                      String endedReason, int durationSeconds, String summary, String transcript, String recordingUrl,
                      Instant startedAt, Instant endedAt, Instant createdAt) {

  static final String COLUMNS = """
      c.id, b.slug AS broker_slug, c.lead_id, l.name AS lead_name, l.assigned_agent_id, c.workflow_id,
      c.call_workflow_id, c.attempt, c.provider, c.provider_call_id, c.status, c.ended_reason, c.duration_seconds,
      c.summary, c.transcript, c.recording_url, c.started_at, c.ended_at, c.created_at""";

  static CallRow map(io.r2dbc.spi.Readable r) {
    return new CallRow(r.get("id", UUID.class), r.get("broker_slug", String.class), r.get("lead_id", UUID.class),
        r.get("lead_name", String.class), r.get("assigned_agent_id", UUID.class), r.get("workflow_id", String.class),
        r.get("call_workflow_id", String.class), r.get("attempt", Integer.class), r.get("provider", String.class),
        r.get("provider_call_id", String.class), r.get("status", String.class), r.get("ended_reason", String.class),
        r.get("duration_seconds", Integer.class), r.get("summary", String.class), r.get("transcript", String.class),
        r.get("recording_url", String.class), r.get("started_at", Instant.class), r.get("ended_at", Instant.class),
        r.get("created_at", Instant.class));
  }
}
