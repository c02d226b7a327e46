package com.inmo.workflows.activity;

import io.temporal.activity.ActivityInterface;

/**
 * Sends a message to the lead on its channel and records it. Idempotent by the message's key: a retried
 * activity never delivers the same reply twice.
 */
@ActivityInterface
public interface MessagingActivities {

  SendResult send(OutboundMessage message);
}
