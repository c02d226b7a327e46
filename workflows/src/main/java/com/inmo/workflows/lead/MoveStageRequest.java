package com.inmo.workflows.lead;

/** A human moves the lead to any stage (backwards too); WON and LOST need a reason. */
public record MoveStageRequest(String userId, LeadStage stage, String reason) {
}
