package com.inmo.worker.leads;

import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.MessagingActivities;
import com.inmo.workflows.activity.OutboundMessage;
import com.inmo.workflows.activity.SendResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The channel as the tests see it: each delivered message with the (skipped) time it went out, recorded in
 * the read model like the web chat does, idempotent by key.
 */
class RecordingMessenger implements MessagingActivities {

  record Sent(OutboundMessage message, Instant at) {
  }

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final InMemoryLeadRecords records;
  private final Supplier<Instant> clock;

  RecordingMessenger(InMemoryLeadRecords records, Supplier<Instant> clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public SendResult send(OutboundMessage message) {
    if (sent.stream().noneMatch(s -> s.message().idempotencyKey().equals(message.idempotencyKey()))) {
      sent.add(new Sent(message, clock.get()));
    }
    records.recordMessage(new MessageRecord(message.leadId(), message.workflowId(), message.brokerSlug(), "OUTBOUND",
        message.author(), message.authorUserId(), message.idempotencyKey(), message.text(), clock.get()));
    return SendResult.ok();
  }

  List<Sent> to(String workflowId) {
    return sent.stream().filter(s -> s.message().workflowId().equals(workflowId)).toList();
  }
}
