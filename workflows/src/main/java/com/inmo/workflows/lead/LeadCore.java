package com.inmo.workflows.lead;

import com.inmo.workflows.activity.LeadSnapshot;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.OutboundMessage;
import com.inmo.workflows.activity.SendResult;
import com.inmo.workflows.activity.StageMoveRecord;
import com.inmo.workflows.agent.ConversationTurn;
import com.inmo.workflows.broker.BrokerConfig;
import com.inmo.workflows.lead.StageRules.Move;
import com.inmo.workflows.scoring.LeadScoring;
import com.inmo.workflows.scoring.ScoreBreakdown;
import com.inmo.workflows.scoring.ScoreInputs;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * The operations every part of the lead workflow shares: the clock, scoring and stage moves, the outbox,
 * human mode, and keeping the read model in step. Workflow code: deterministic, activities only via steps.
 */
final class LeadCore {

  final LeadState s;
  final LeadSteps steps;
  final LeadTasks tasks;
  BrokerConfig config;
  private LeadSnapshot lastSaved;

  LeadCore(LeadState state, BrokerConfig config) {
    this.s = state;
    this.steps = new LeadSteps(state);
    this.config = config;
    this.tasks = new LeadTasks(this);
  }

  Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  /** An AI message: waits for the broker's business hours. */
  void queueAi(String text) {
    if (text == null || text.isBlank() || s.optedOut || s.unreachable) {
      return;
    }
    s.outbox.add(new OutboxItem(s.nextOutboundKey("ai"), text, config.businessHours().nextOpening(now()), Author.AI, null));
  }

  /** A message at once (a human's, or a notice caused by a human's action). */
  void queueNow(String text, Author author, String userId) {
    if (text == null || text.isBlank() || s.optedOut || s.unreachable) {
      return;
    }
    s.outbox.add(new OutboxItem(s.nextOutboundKey(author.name().toLowerCase(java.util.Locale.ROOT)), text, now(), author,
        userId));
  }

  /** Sends every outbox message that is due, in order; stops at the first that fails. */
  void flushOutbox() {
    while (s.failed == null && !s.outbox.isEmpty() && !s.outbox.get(0).notBefore().isAfter(now())) {
      if (s.optedOut || s.unreachable) {
        s.outbox.clear();
        return;
      }
      OutboxItem item = s.outbox.get(0);
      SendResult result = steps.attempt("send message", () -> steps.messaging.send(new OutboundMessage(s.leadId,
          s.workflowId, s.brokerSlug, s.channel, s.channelRef, item.text(), item.key(), item.author().name(),
          item.authorUserId())));
      if (result == null) {
        return;
      }
      s.outbox.remove(0);
      if (result.unreachable()) {
        s.unreachable = true;
        s.outbox.clear();
        return;
      }
      s.addTurn(new ConversationTurn(item.author().name(), item.text(), now()));
      if (item.author() == Author.AI && !s.humanMode && s.silenceSince == null) {
        s.silenceSince = now();
      }
    }
  }

  void recordSystemNote(String text) {
    steps.attempt("record note", () -> steps.records.recordMessage(new MessageRecord(s.leadId, s.workflowId,
        s.brokerSlug, "OUTBOUND", Author.SYSTEM.name(), null, s.nextOutboundKey("note"), text, now())));
  }

  /** Recomputes the score and makes the automatic forward moves it and the fields allow. */
  void rescoreAndAdvance() {
    boolean wasHot = s.score.status().ordinal() >= com.inmo.workflows.lead.LeadStatus.HOT.ordinal();
    s.score = score();
    boolean booked = s.appointment != null && s.appointment.booked();
    List<Move> moves = StageRules.automaticMoves(s.stage, s.fields, s.score.total(), booked);
    for (Move move : moves) {
      if (move.to() == LeadStage.LOST && booked && LeadChanges.applies(LeadChanges.CLOSED_LEAD_VISITS)) {
        // a LOST lead never holds a booked visit, and a visit the lead booked is not undone by a verdict
        // the AI read from the conversation: the agent decides
        steps.notifyQuietly("NEEDS_REVIEW", "Lead con visita agendada y " + move.reason() + ": " + leadName());
        break;
      }
      move(move.to(), move.reason(), "ai");
    }
    boolean isHot = s.score.status().ordinal() >= com.inmo.workflows.lead.LeadStatus.HOT.ordinal();
    if (isHot && !wasHot) {
      steps.notifyQuietly("HOT_LEAD", "Lead " + s.score.status() + " (" + s.score.total() + " pts): " + leadName());
    }
  }

  ScoreBreakdown score() {
    return LeadScoring.score(new ScoreInputs(s.fields, s.inboundCount, s.wantsVisit,
        s.appointment != null && s.appointment.booked(), s.frustrated, s.optedOut), config.thresholds());
  }

  void move(LeadStage to, String reason, String actor) {
    if (to == s.stage) {
      return;
    }
    LeadStage from = s.stage;
    s.stage = to;
    if (to.isClosed()) {
      s.closedAt = now();
      s.closeReason = reason;
      s.nextCallAt = null;
      if (LeadChanges.applies(LeadChanges.CLOSED_LEAD_VISITS)) {
        s.offeredSlots.clear(); // a closed lead books no visit on its own
      }
    } else {
      s.closedAt = null;
      s.closeReason = null;
    }
    steps.attempt("record stage move", () -> steps.records.recordStageMove(new StageMoveRecord(s.leadId,
        s.workflowId, s.brokerSlug, from, to, reason, actor, now())));
  }

  void enterHumanMode(String userId, String why) {
    s.humanMode = true;
    s.humanUserId = userId;
    s.humanSince = now();
    s.humanWaitingSince = now();
    s.humanEscalation = 0;
    s.silenceSince = null;
    s.nextCallAt = null;
    // the AI goes silent: what it had queued is not sent
    s.outbox.removeIf(item -> item.author() == Author.AI);
    steps.notifyQuietly("HUMAN_REQUESTED", why);
  }

  void leaveHumanMode() {
    s.humanMode = false;
    s.humanUserId = null;
    s.humanSince = null;
    s.humanWaitingSince = null;
    s.humanEscalation = 0;
  }

  /** The row was written with this snapshot by other means (opening the lead). */
  void markSaved(LeadSnapshot snapshot) {
    lastSaved = snapshot;
  }

  String leadName() {
    return s.fields.name() == null ? s.workflowId : s.fields.name();
  }

  /** Writes the lead's row when it changed since the last write. */
  void saveIfChanged() {
    LeadSnapshot snapshot = snapshot();
    if (snapshot.equals(lastSaved)) {
      return;
    }
    if (steps.attempt("save lead", () -> steps.records.saveLead(snapshot))) {
      lastSaved = snapshot;
    }
  }

  /** As {@link #saveIfChanged}, while the lead rests: a failure is left for the next try. */
  void saveQuietly() {
    LeadSnapshot snapshot = snapshot();
    if (!snapshot.equals(lastSaved) && steps.quietly("save lead", () -> steps.restingRecords.saveLead(snapshot))) {
      lastSaved = snapshot;
    }
  }

  LeadSnapshot snapshot() {
    NextAction next = LeadTimers.next(s, config);
    return new LeadSnapshot(s.leadId, s.workflowId, s.brokerSlug, s.channel, s.channelRef, s.source, s.fields,
        s.stage, s.score, s.humanMode, s.failed != null, s.failed == null ? null : s.failed.step() + ": "
        + s.failed.error(), s.optedOut, s.unreachable, next == null ? null : next.kind().name(),
        next == null ? null : next.at(), s.lastInboundAt);
  }

  LeadView view() {
    return new LeadView(s.workflowId, s.leadId, s.brokerSlug, s.channel, s.stage, s.score, s.fields, s.humanMode,
        s.humanUserId, s.humanSince, s.humanWaitingSince, s.optedOut, s.unreachable, s.failed != null, s.failed,
        LeadTimers.next(s, config), s.inbox.size(), s.outbox.size(), List.copyOf(s.offeredSlots), s.appointment,
        s.callAttempts, s.activeCallId, s.lastCallStatus, s.nextCallAt, s.followUpsSent, s.lastInboundAt,
        s.closeReason);
  }
}
