package com.inmo.workflows.lead;

/** A human agent writes to the lead; {@code requestId} makes a retried request one message. */
public record HumanMessageRequest(String userId, String userName, String text, String requestId) {
}
