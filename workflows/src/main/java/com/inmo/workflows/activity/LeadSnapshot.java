package com.inmo.workflows.activity;

import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.QualificationFields;
import com.inmo.workflows.scoring.ScoreBreakdown;
import java.time.Instant;
import java.util.UUID;

/** The lead's row in the read model, as the workflow sees it now. */
public record LeadSnapshot(UUID leadId, String workflowId, String brokerSlug, Channel channel, String channelRef,
                           String source, QualificationFields fields, LeadStage stage, ScoreBreakdown score,
                           boolean humanMode, boolean needsAttention, String attentionReason, boolean optedOut,
                           boolean unreachable, String nextAction, Instant nextActionAt, Instant lastMessageAt) {
}
