package com.inmo.workflows.lead;

import java.time.Instant;

/**
 * What the workflow will do next on its own, and when: the dashboard's countdown.
 *
 * @param kind FOLLOW_UP, CLOSE_NO_RESPONSE, SEND_REPLY, VISIT_REMINDER_24H, VISIT_REMINDER_1H, POST_VISIT,
 *             HUMAN_REMINDER, ADMIN_ALERT, RETURN_TO_AI, CALL
 */
public record NextAction(String kind, Instant at) {
}
