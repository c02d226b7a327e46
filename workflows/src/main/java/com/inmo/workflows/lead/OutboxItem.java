package com.inmo.workflows.lead;

import java.time.Instant;

/**
 * A message waiting to go out: AI messages wait for business hours ({@code notBefore}).
 *
 * @param key    idempotency key: the channel and the read model record it once however often it is retried
 * @param author AI or HUMAN
 */
public record OutboxItem(String key, String text, Instant notBefore, Author author, String authorUserId) {
}
