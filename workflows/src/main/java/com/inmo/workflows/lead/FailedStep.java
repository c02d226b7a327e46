package com.inmo.workflows.lead;

import java.time.Instant;

/** A step that exhausted its retries: the lead needs attention until an operator retries it. */
public record FailedStep(String step, String error, Instant at) {
}
