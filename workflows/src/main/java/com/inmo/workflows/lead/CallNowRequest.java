package com.inmo.workflows.lead;

/**
 * A human asks for a call now: business hours do not apply. {@code requestId} (the caller's idempotency key,
 * may be null) makes a retried request one call.
 */
public record CallNowRequest(String userId, String requestId) {

  public CallNowRequest(String userId) {
    this(userId, null);
  }
}
