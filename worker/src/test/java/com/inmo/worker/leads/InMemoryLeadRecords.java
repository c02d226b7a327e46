package com.inmo.worker.leads;

import com.inmo.workflows.activity.DigestRequest;
import com.inmo.workflows.activity.DigestSummary;
import com.inmo.workflows.activity.KnownLead;
import com.inmo.workflows.activity.LeadOpening;
import com.inmo.workflows.activity.LeadRecordActivities;
import com.inmo.workflows.agent.ConversationTurn;
import com.inmo.workflows.activity.LeadSnapshot;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.StageMoveRecord;
import com.inmo.workflows.activity.TaskClosed;
import com.inmo.workflows.activity.TaskClosure;
import com.inmo.workflows.activity.TaskKind;
import com.inmo.workflows.activity.TaskRecord;
import com.inmo.workflows.activity.TaskSaved;
import com.inmo.workflows.activity.TeamNotification;
import com.inmo.workflows.activity.BrokerConfigRequest;
import com.inmo.workflows.activity.CallRecord;
import com.inmo.workflows.broker.BrokerConfig;
import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read model as the workflow tests see it: what the api's internal endpoints would store, kept in
 * memory with the same idempotency (one message per lead and external id, one task per lead and key). It can
 * be told to fail, to exercise the needs-attention path.
 */
class InMemoryLeadRecords implements LeadRecordActivities {

  volatile BrokerConfig config;
  final Map<String, LeadSnapshot> leads = new ConcurrentHashMap<>();
  final Map<String, MessageRecord> messages = new ConcurrentHashMap<>();
  final List<MessageRecord> messageLog = new CopyOnWriteArrayList<>();
  final List<StageMoveRecord> stageMoves = new CopyOnWriteArrayList<>();
  final List<TeamNotification> notifications = new CopyOnWriteArrayList<>();
  final Map<String, CallRecord> calls = new ConcurrentHashMap<>();
  /** Tasks by workflow id and key, as the api keeps them: their status is OPEN, DONE or DISMISSED. */
  final Map<String, StoredTask> tasks = new ConcurrentHashMap<>();
  final AtomicInteger failRecordMessage = new AtomicInteger();
  final AtomicInteger failBrokerConfig = new AtomicInteger();
  final AtomicInteger brokerConfigReads = new AtomicInteger();
  /** When set, recording a message waits for it: a test holds a step in the middle of its work. */
  volatile java.util.concurrent.CountDownLatch holdRecordMessage;
  final java.util.concurrent.Semaphore recordMessageHeld = new java.util.concurrent.Semaphore(0);

  /** A task as the api stores it: what the workflow asked, and its status now. */
  record StoredTask(UUID id, TaskRecord task, String status, String reason) {
  }

  InMemoryLeadRecords(BrokerConfig config) {
    this.config = config;
  }

  @Override
  public BrokerConfig brokerConfig(BrokerConfigRequest request) {
    brokerConfigReads.incrementAndGet();
    if (failBrokerConfig.get() > 0) {
      throw new IllegalStateException("the api is down");
    }
    return config;
  }

  /** As the api: a row that exists is left alone and answered with what it holds (its last few messages). */
  @Override
  public LeadOpening openLead(LeadSnapshot snapshot) {
    LeadSnapshot known = leads.putIfAbsent(snapshot.workflowId(), snapshot);
    if (known == null) {
      return new LeadOpening(true, null);
    }
    List<MessageRecord> conversation = messagesOf(snapshot.workflowId());
    List<ConversationTurn> last = conversation.subList(Math.max(0, conversation.size() - KNOWN_MESSAGES),
        conversation.size()).stream().map(m -> new ConversationTurn(m.author(), m.body(), m.at())).toList();
    String closeReason = stageMoves.stream().filter(m -> m.workflowId().equals(snapshot.workflowId()))
        .reduce((a, b) -> b).map(StageMoveRecord::reason).orElse(null);
    return new LeadOpening(false, new KnownLead(known.stage(), known.stage().isClosed() ? closeReason : null,
        known.fields(), known.source(), known.optedOut(), last));
  }

  static final int KNOWN_MESSAGES = 10;

  @Override
  public void saveLead(LeadSnapshot snapshot) {
    leads.put(snapshot.workflowId(), snapshot);
  }

  @Override
  public void recordMessage(MessageRecord message) {
    if (failRecordMessage.get() > 0) {
      throw new IllegalStateException("the api is down");
    }
    java.util.concurrent.CountDownLatch hold = holdRecordMessage;
    if (hold != null) {
      recordMessageHeld.release();
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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
  public synchronized TaskSaved createTask(TaskRecord task) {
    if (!leads.containsKey(task.workflowId())) {
      throw new IllegalStateException("409: lead " + task.workflowId() + " has no row yet: save the lead first");
    }
    if (task.key() == null || task.key().isBlank() || task.title() == null || task.title().isBlank()
        || Arrays.stream(TaskKind.values()).noneMatch(k -> k.name().equals(task.kind()))) {
      throw rejected("a known kind, a title and a key are required");
    }
    StoredTask existing = tasks.get(taskKey(task.workflowId(), task.key()));
    if (existing != null) {
      return new TaskSaved(existing.id(), false);
    }
    StoredTask stored = new StoredTask(UUID.randomUUID(), task, "OPEN", null);
    tasks.put(taskKey(task.workflowId(), task.key()), stored);
    return new TaskSaved(stored.id(), true);
  }

  @Override
  public synchronized TaskClosed closeTask(TaskClosure closure) {
    if (!Set.of("DONE", "DISMISSED").contains(closure.status())) {
      throw rejected("status must be DONE or DISMISSED");
    }
    StoredTask stored = tasks.get(taskKey(closure.workflowId(), closure.key()));
    if (stored == null) {
      return new TaskClosed(null, false, null);
    }
    if (!stored.status().equals("OPEN")) {
      return new TaskClosed(stored.id(), false, stored.status());
    }
    tasks.put(taskKey(closure.workflowId(), closure.key()),
        new StoredTask(stored.id(), stored.task(), closure.status(), closure.reason()));
    return new TaskClosed(stored.id(), true, closure.status());
  }

  /** The lead's tasks still open, oldest first. */
  List<TaskRecord> openTasksOf(String workflowId) {
    return tasks.values().stream()
        .filter(t -> t.task().workflowId().equals(workflowId) && t.status().equals("OPEN"))
        .map(StoredTask::task)
        .sorted(Comparator.comparing(TaskRecord::at))
        .toList();
  }

  /** What the activity makes of the api's 400: a failure Temporal does not retry. */
  private static ApplicationFailure rejected(String detail) {
    return ApplicationFailure.newNonRetryableFailure("400: " + detail, "InternalApiRejected");
  }

  private static String taskKey(String workflowId, String key) {
    return workflowId + "/" + key;
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
