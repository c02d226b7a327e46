package com.inmo.activities.messaging;

import static com.inmo.activities.api.InternalApiClient.expect;

import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.telegram.TelegramSender;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.MessagingActivities;
import com.inmo.workflows.activity.OutboundMessage;
import com.inmo.workflows.activity.SendResult;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;

/**
 * Delivers a message on the lead's channel and records it once. On the web chat, recording is delivering:
 * the api pushes the recorded message to the session's event stream. The message's idempotency key is its
 * external id, so a retried send records (and so delivers) it once. On Telegram, {@link TelegramSender} sends
 * through the Bot API to the chat named by {@code channelRef} and records each part it sent.
 */
public class ChannelMessagingActivities implements MessagingActivities {

  private final InternalApiClient api;
  /** null when this worker has no Telegram wiring: Telegram sends then fail non-retryably. */
  private final TelegramSender telegram;

  public ChannelMessagingActivities(InternalApiClient api) {
    this(api, null);
  }

  public ChannelMessagingActivities(InternalApiClient api, TelegramSender telegram) {
    this.api = api;
    this.telegram = telegram;
  }

  @Override
  public SendResult send(OutboundMessage message) {
    switch (message.channel()) {
      case WEBCHAT, IMPORT, MANUAL -> {
        record(message);
        return SendResult.ok();
      }
      case TELEGRAM -> {
        if (telegram == null) {
          throw ApplicationFailure.newNonRetryableFailure(
              "the Telegram channel is not connected in this build", "ChannelNotConfigured");
        }
        return telegram.send(message);
      }
      default -> throw new IllegalArgumentException("unknown channel " + message.channel());
    }
  }

  private void record(OutboundMessage message) {
    MessageRecord record = new MessageRecord(message.leadId(), message.workflowId(), message.brokerSlug(), "OUTBOUND",
        message.author(), message.authorUserId(), message.idempotencyKey(), message.text(), Instant.now());
    expect(api.post("/internal/v1/leads/" + message.leadId() + "/messages", record), "record reply", 200, 201);
  }
}
