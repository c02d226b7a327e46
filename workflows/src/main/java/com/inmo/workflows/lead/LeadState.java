package com.inmo.workflows.lead;

import com.inmo.workflows.agent.ConversationTurn;
import com.inmo.workflows.call.CallOutcome;
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
  /**
   * Messages waiting for an answer. Past this a burst is folded (see {@link InboxLimits}) so the state carried
   * through continue-as-new stays far below Temporal's payload limit whatever a lead sends during an outage.
   */
  public static final int MAX_WAITING = 50;

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
  /**
   * Tells this life's keys (messages, visits, calls) from an earlier life's of the same lead: a lead whose run
   * ended and who writes again starts a new run with the same workflow id. Null for leads started before lives
   * were told apart (their keys keep the old form).
   */
  public String lifeTag;
  /** Whether this life has read what the read model remembers of earlier lives (see {@link LeadLives}). */
  public boolean opened = true;
  /** What earlier lives said, for the agent's context; bounded like {@link #summary}. */
  public String earlierLives = "";

  /** Whether the lead's number may be dialled: given by the channel, confirmed by the lead, or a human's call. */
  public boolean phoneConfirmed;
  /** The AI asked the lead to confirm the number before a call. */
  public boolean callAwaitingConfirmation;
  /** Open tasks for people (key → kind), and how many this life opened (their keys' counter). */
  public java.util.LinkedHashMap<String, String> openTasks = new java.util.LinkedHashMap<>();
  public int tasksOpened;

  public int callAttempts;
  public List<Instant> callTimes = new ArrayList<>();
  public Instant nextCallAt;
  public com.inmo.workflows.call.CallPurpose nextCallPurpose;
  public String activeCallId;
  public String lastCallStatus;
  /** Call outcomes signalled and not yet applied: state, so a continue-as-new carries them. */
  public List<CallOutcome> callResults = new ArrayList<>();

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
    return lifeKey() + ":" + kind + ":" + outboundSequence;
  }

  /** The prefix of every key this life derives: the workflow id, plus the life's tag when it has one. */
  public String lifeKey() {
    return lifeTag == null ? workflowId : workflowId + "~" + lifeTag;
  }
}
