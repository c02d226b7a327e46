package com.inmo.workflows.lead;

/** A human agent takes the conversation: the AI goes silent. */
public record TakeOverRequest(String userId, String userName) {
}
