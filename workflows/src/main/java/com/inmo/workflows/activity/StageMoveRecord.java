package com.inmo.workflows.activity;

import com.inmo.workflows.lead.LeadStage;
import java.time.Instant;
import java.util.UUID;

/** @param actor "ai" for automatic moves, else the id of the user who moved the lead */
public record StageMoveRecord(UUID leadId, String workflowId, String brokerSlug, LeadStage from, LeadStage to,
                              String reason, String actor, Instant at) {
}
