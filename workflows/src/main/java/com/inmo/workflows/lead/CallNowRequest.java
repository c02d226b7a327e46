package com.inmo.workflows.lead;

/** A human asks for a call now: business hours do not apply. */
public record CallNowRequest(String userId) {
}
