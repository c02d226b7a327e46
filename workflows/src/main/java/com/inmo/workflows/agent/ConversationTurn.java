package com.inmo.workflows.agent;

import java.time.Instant;

/** One message of the conversation as the agent sees it. {@code author}: LEAD, AI, HUMAN or SYSTEM. */
public record ConversationTurn(String author, String text, Instant at) {
}
