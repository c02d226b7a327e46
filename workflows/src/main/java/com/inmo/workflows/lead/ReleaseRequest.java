package com.inmo.workflows.lead;

/** The human hands the conversation back to the AI, with a note for the record. */
public record ReleaseRequest(String userId, String note) {
}
