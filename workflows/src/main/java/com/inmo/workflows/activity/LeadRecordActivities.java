package com.inmo.workflows.activity;

import com.inmo.workflows.broker.BrokerConfig;
import io.temporal.activity.ActivityInterface;

/**
 * The read model the dashboard lists, written by the workflow through the api's internal endpoints (only
 * the api touches the database). Every write is idempotent: a retried activity records nothing twice.
 */
@ActivityInterface
public interface LeadRecordActivities {

  /** The broker's current settings; read before each step so dashboard changes apply to running leads. */
  BrokerConfig brokerConfig(BrokerConfigRequest request);

  /**
   * Writes the snapshot as the lead's row when it has none; else leaves the row as it is and answers what it
   * holds. A new run of a lead's workflow opens its row this way before its first save, so a lead who comes
   * back after their run ended keeps their stage, fields and history.
   */
  LeadOpening openLead(LeadSnapshot snapshot);

  /** Inserts or updates the lead's row with the workflow's current view of it. */
  void saveLead(LeadSnapshot snapshot);

  /** Records one message of the conversation (unique per lead and external id). */
  void recordMessage(MessageRecord message);

  /** Appends a stage move to the lead's history. */
  void recordStageMove(StageMoveRecord move);

  /** Records a call attempt's outcome (idempotent by the call's workflow id). */
  void recordCall(CallRecord call);

  /** Tells the broker's team something (new hot lead, human needed, alerts, digest). */
  void notifyTeam(TeamNotification notification);

  /**
   * Opens a task for a human about the lead (the dashboard's inbox), assigned to the lead's agent if it has
   * one. Idempotent by the lead and {@link TaskRecord#key()}: the same key answers the task already there.
   * Fails (retried) while the lead's row does not exist yet: save the lead first.
   */
  TaskSaved createTask(TaskRecord task);

  /**
   * Closes the lead's open task under {@link TaskClosure#key()}, when it is no longer needed. Idempotent: a
   * task closed already (by a human too) stays as it is, and a key without a task answers {@code id} null.
   */
  TaskClosed closeTask(TaskClosure closure);

  /** The day's figures of one broker, for the daily digest. */
  DigestSummary digest(DigestRequest request);
}
