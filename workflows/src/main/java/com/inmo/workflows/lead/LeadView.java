package com.inmo.workflows.lead;

import com.inmo.workflows.scoring.ScoreBreakdown;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The lead as its workflow sees it now: what the dashboard's detail view shows. */
public record LeadView(String workflowId, UUID leadId, String brokerSlug, Channel channel, LeadStage stage,
                       ScoreBreakdown score, QualificationFields fields, boolean humanMode, String humanUserId,
                       Instant humanSince, Instant humanWaitingSince, boolean optedOut, boolean unreachable,
                       boolean needsAttention, FailedStep failedStep, NextAction nextAction, int pendingInbound,
                       int pendingOutbound, List<Instant> offeredSlots, Appointment appointment, int callAttempts,
                       String activeCallId, String lastCallStatus, Instant nextCallAt, int followUpsSent,
                       Instant lastInboundAt, String closeReason) {
}
