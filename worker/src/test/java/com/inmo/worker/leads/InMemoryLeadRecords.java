package com.inmo.worker.leads;

import com.inmo.workflows.activity.DigestRequest;
import com.inmo.workflows.activity.DigestSummary;
import com.inmo.workflows.activity.LeadRecordActivities;
import com.inmo.workflows.activity.LeadSnapshot;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.StageMoveRecord;
import com.inmo.workflows.activity.TeamNotification;
import com.inmo.workflows.activity.BrokerConfigRequest;
import com.inmo.workflows.activity.CallRecord;
import com.inmo.workflows.broker.BrokerConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read model as the workflow tests see it: what the api's internal endpoints would store, kept in
 * memory with the same idempotency (one message per lead and external id). It can be told to fail, to
 * exercise the needs-attention path.
 */
class InMemoryLeadRecords implements LeadRecordActivities {

  volatile BrokerConfig config;
  final Map<String, LeadSnapshot> leads = new ConcurrentHashMap<>();
  final Map<String, MessageRecord> messages = new ConcurrentHashMap<>();
  final List<MessageRecord> messageLog = new CopyOnWriteArrayList<>();
  final List<StageMoveRecord> stageMoves = new CopyOnWriteArrayList<>();
  final List<TeamNotification> notifications = new CopyOnWriteArrayList<>();
  final Map<String, CallRecord> calls = new ConcurrentHashMap<>();
  final AtomicInteger failRecordMessage = new AtomicInteger();

  InMemoryLeadRecords(BrokerConfig config) {
    this.config = config;
  }

  @Override
  public BrokerConfig brokerConfig(BrokerConfigRequest request) {
    return config;
  }

  @Override
  public void saveLead(LeadSnapshot snapshot) {
    leads.put(snapshot.workflowId(), snapshot);
  }

  @Override
  public void recordMessage(MessageRecord message) {
    if (failRecordMessage.get() > 0) {
      throw new IllegalStateException("the api is down");
    }
    if (messages.putIfAbsent(message.workflowId() + "/" + message.externalId(), message) == null) {
      messageLog.add(message);
    }
  }

  @Override
  public void recordStageMove(StageMoveRecord move) {
    stageMoves.add(move);
  }

  @Override
  public void recordCall(CallRecord call) {
    calls.putIfAbsent(call.report().callWorkflowId(), call);
  }

  @Override
  public void notifyTeam(TeamNotification notification) {
    notifications.add(notification);
  }

  @Override
  public DigestSummary digest(DigestRequest request) {
    return new DigestSummary(request.brokerSlug(), request.day(), leads.size(), 0, 0, 0, 0, 0);
  }

  List<MessageRecord> messagesOf(String workflowId) {
    return messageLog.stream().filter(m -> m.workflowId().equals(workflowId)).toList();
  }

  List<String> outboundTextsOf(String workflowId) {
    return messagesOf(workflowId).stream().filter(m -> m.direction().equals("OUTBOUND")).map(MessageRecord::body)
        .toList();
  }
}
