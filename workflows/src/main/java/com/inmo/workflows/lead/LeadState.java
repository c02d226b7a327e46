package com.inmo.workflows.lead;

import com.inmo.workflows.agent.ConversationTurn;
import com.inmo.workflows.scoring.ScoreBreakdown;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Everything a lead's workflow remembers, carried whole through continue-as-new. Mutable on purpose: the
 * workflow thread is its only writer; the query hands out an immutable {@link LeadView}.
 */
public class LeadState {

  /** Channel message ids remembered for de-duplication (the newest ones; older retries do not happen). */
  public static final int MAX_SEEN_IDS = 2_000;
  /** Turns kept verbatim for the agent; older ones are folded into {@link #summary}. */
  public static final int MAX_RECENT_TURNS = 20;

  public String workflowId;
  public UUID leadId;
  public String brokerSlug;
  public Channel channel;
  public String channelRef;
  public String source;

  public QualificationFields fields = QualificationFields.EMPTY;
  public LeadStage stage = LeadStage.NEW;
  public ScoreBreakdown score = ScoreBreakdown.ZERO;
  public int inboundCount;
  public boolean wantsVisit;
  public boolean frustrated;
  public String closeReason;

  public boolean humanMode;
  public String humanUserId;
  public Instant humanSince;
  /** Since when a lead's message (or a takeover) waits for a human's reply; null when none waits. */
  public Instant humanWaitingSince;
  /** 0 none, 1 agent reminded (15 min), 2 admin alerted (30 min). */
  public int humanEscalation;

  public boolean optedOut;
  public boolean unreachable;

  public LinkedHashSet<String> seenMessageIds = new LinkedHashSet<>();
  public List<ConversationTurn> recentTurns = new ArrayList<>();
  public String summary = "";

  public Instant lastInboundAt;
  /** When the AI started waiting for the lead's answer; follow-ups count from here. */
  public Instant silenceSince;
  public int followUpsSent;

  public List<Instant> offeredSlots = new ArrayList<>();
  public Appointment appointment;

  public List<WaitingInbound> inbox = new ArrayList<>();
  public List<OutboxItem> outbox = new ArrayList<>();
  public FailedStep failed;
  public int outboundSequence;

  public int callAttempts;
  public List<Instant> callTimes = new ArrayList<>();
  public Instant nextCallAt;
  public String nextCallPurpose;
  public String activeCallId;
  public String lastCallStatus;

  public Instant closedAt;

  /** Remembers a channel message id; false when it was seen before (a duplicate). */
  public boolean remember(String messageId) {
    if (messageId == null || !seenMessageIds.add(messageId)) {
      return messageId == null;
    }
    while (seenMessageIds.size() > MAX_SEEN_IDS) {
      seenMessageIds.remove(seenMessageIds.iterator().next());
    }
    return true;
  }

  public void addTurn(ConversationTurn turn) {
    recentTurns.add(turn);
    while (recentTurns.size() > MAX_RECENT_TURNS) {
      ConversationTurn oldest = recentTurns.remove(0);
      summary = Summaries.fold(summary, oldest);
    }
  }

  public String nextOutboundKey(String kind) {
    outboundSequence++;
    return workflowId + ":" + kind + ":" + outboundSequence;
  }
}
