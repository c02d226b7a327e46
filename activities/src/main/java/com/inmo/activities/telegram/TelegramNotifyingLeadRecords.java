package com.inmo.activities.telegram;

import com.inmo.workflows.activity.BrokerConfigRequest;
import com.inmo.workflows.activity.DigestRequest;
import com.inmo.workflows.activity.DigestSummary;
import com.inmo.workflows.activity.LeadRecordActivities;
import com.inmo.workflows.activity.LeadSnapshot;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.StageMoveRecord;
import com.inmo.workflows.activity.TaskClosed;
import com.inmo.workflows.activity.TaskClosure;
import com.inmo.workflows.activity.TaskRecord;
import com.inmo.workflows.activity.TaskSaved;
import com.inmo.workflows.activity.TeamNotification;
import com.inmo.workflows.broker.BrokerConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-model activities, plus: a team notification also goes to the broker's Telegram chat when its
 * settings name one ({@code notifyTelegramChatId}). The api's copy comes first and its failure fails the
 * activity (retried); Telegram comes after and is best effort: its failure is logged, never fails the
 * notification, and so is never retried.
 *
 * <p>Once per notification key in this process: a retry of an activity whose Telegram post went out (its
 * completion lost, or its timeout hit after the post) does not post again here. A retry landing on another
 * worker process can still post twice; the api's 201/200 on the notification would close that if
 * {@link LeadRecordActivities#notifyTeam} told it.
 */
public class TelegramNotifyingLeadRecords implements LeadRecordActivities {

  private static final Logger log = LoggerFactory.getLogger(TelegramNotifyingLeadRecords.class);
  private static final int REMEMBER_KEYS = 10_000;

  private final LeadRecordActivities delegate;
  private final TelegramTeamNotifier telegram;
  private final Set<String> posted = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBER_KEYS;
    }
  }));

  public TelegramNotifyingLeadRecords(LeadRecordActivities delegate, TelegramTeamNotifier telegram) {
    this.delegate = delegate;
    this.telegram = telegram;
  }

  @Override
  public void notifyTeam(TeamNotification notification) {
    delegate.notifyTeam(notification);
    try {
      BrokerConfig config = delegate.brokerConfig(new BrokerConfigRequest(notification.brokerSlug()));
      Long chatId = config == null ? null : config.notifyTelegramChatId();
      if (chatId == null) {
        return;
      }
      if (notification.key() != null && !posted.add(notification.key())) {
        return; // already posted by an earlier attempt in this process
      }
      telegram.send(notification.brokerSlug(), chatId, notification.text());
    } catch (RuntimeException e) {
      log.warn("Notification {} of broker {} not posted on Telegram: {}", notification.kind(),
          notification.brokerSlug(), e.getMessage());
    }
  }

  @Override
  public BrokerConfig brokerConfig(BrokerConfigRequest request) {
    return delegate.brokerConfig(request);
  }

  @Override
  public com.inmo.workflows.activity.LeadOpening openLead(LeadSnapshot snapshot) {
    return delegate.openLead(snapshot);
  }

  @Override
  public void saveLead(LeadSnapshot snapshot) {
    delegate.saveLead(snapshot);
  }

  @Override
  public void recordMessage(MessageRecord message) {
    delegate.recordMessage(message);
  }

  @Override
  public void recordStageMove(StageMoveRecord move) {
    delegate.recordStageMove(move);
  }

  @Override
  public void recordCall(com.inmo.workflows.activity.CallRecord call) {
    delegate.recordCall(call);
  }

  @Override
  public TaskSaved createTask(TaskRecord task) {
    return delegate.createTask(task);
  }

  @Override
  public TaskClosed closeTask(TaskClosure closure) {
    return delegate.closeTask(closure);
  }

  @Override
  public DigestSummary digest(DigestRequest request) {
    return delegate.digest(request);
  }
}
