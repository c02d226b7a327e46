package com.inmo.api.messages;

import java.time.Instant;
import java.util.UUID;

/** One message as the dashboard and the web chat show it; also the {@code data} of a {@code message} event. */
public record ChatMessage(UUID id, String direction, String author, String authorUserId, String body, Instant at) {
}
