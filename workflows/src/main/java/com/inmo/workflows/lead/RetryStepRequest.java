package com.inmo.workflows.lead;

/** An operator resumes the step that exhausted its retries. */
public record RetryStepRequest(String userId) {
}
