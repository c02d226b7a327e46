package com.inmo.workflows.lead;

import java.time.Instant;

/**
 * What the workflow will do next on its own, and when: the dashboard's countdown.
 *
 * @param kind what it will do (JSON: the kind's name, as the dashboard reads it)
 */
public record NextAction(TimerKind kind, Instant at) {
}
