package com.inmo.workflows.lead;

/**
 * A lead's message received but not yet answered (kept across continue-as-new).
 *
 * @param accepted recorded and counted already: a retried answer must not count it twice
 */
public record WaitingInbound(InboundMessage message, boolean accepted) {
}
