package com.inmo.workflows.lead;

/** How a lead's workflow ended (it runs until the lead is closed and quiet). */
public record LeadOutcome(LeadStage stage, String reason) {
}
