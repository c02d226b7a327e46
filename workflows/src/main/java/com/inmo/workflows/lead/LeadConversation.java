package com.inmo.workflows.lead;

import com.inmo.workflows.activity.BookingResult;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.agent.ConversationTurn;
import com.inmo.workflows.agent.Sentiment;
import java.util.List;

/**
 * Answers the lead's messages, one at a time and in order: record it (nothing a lead wrote is lost), ask
 * the agent, then act on its structured answer (fields, visit, call, human, opt-out) and queue the reply.
 */
final class LeadConversation {

  private final LeadCore core;
  private final LeadState s;
  private final LeadVisits visits;
  private final LeadCalls calls;

  LeadConversation(LeadCore core, LeadVisits visits, LeadCalls calls) {
    this.core = core;
    this.s = core.s;
    this.visits = visits;
    this.calls = calls;
  }

  /**
   * Works through the inbox; stops at a step that gave up (it stays first in the inbox for the retry). Texts that
   * wait together (a burst, or what came in while a step needed attention) are each recorded, then answered
   * once, as the person would expect from someone reading them together.
   */
  void processInbox() {
    while (s.failed == null && !s.inbox.isEmpty()) {
      WaitingInbound head = s.inbox.get(0);
      if (!head.accepted()) {
        if (!accept(head.message())) {
          return;
        }
        head = new WaitingInbound(head.message(), true);
        s.inbox.set(0, head);
      }
      if (s.inbox.size() > 1 && joinable(head, s.inbox.get(1)) && LeadChanges.applies(LeadChanges.BURSTS_TOGETHER)) {
        WaitingInbound next = s.inbox.get(1);
        if (!next.accepted() && !accept(next.message())) {
          return;
        }
        s.inbox.set(0, new WaitingInbound(InboxLimits.joined(head.message(), next.message()), true));
        s.inbox.remove(1);
        continue;
      }
      if (!respond(head.message())) {
        return;
      }
      s.inbox.remove(0);
    }
  }

  private static boolean joinable(WaitingInbound head, WaitingInbound next) {
    return InboxLimits.isText(head) && InboxLimits.isText(next)
        && head.message().text().length() + 1 + next.message().text().length() <= InboxLimits.MAX_JOINED;
  }

  /**
   * While the lead rests (a step needs attention), what it writes is still recorded, so the dashboard shows
   * every message; it is answered after the retry. A failure here leaves the failed step as it is.
   */
  void recordWhileResting() {
    for (int i = 0; i < s.inbox.size(); i++) {
      WaitingInbound waiting = s.inbox.get(i);
      if (waiting.accepted() || waiting.message().kind() == MessageKind.BLOCKED) {
        continue;
      }
      InboundMessage m = waiting.message();
      if (!core.steps.quietly("record message", () -> core.steps.restingRecords.recordMessage(inboundRecord(m,
          body(m))))) {
        break;
      }
      // the signal handler only appends: index i is still this message
      s.inbox.set(i, new WaitingInbound(m, true));
      if (m.kind() != MessageKind.EDITED) {
        counted(m, body(m));
      }
    }
    core.saveQuietly();
  }

  private boolean accept(InboundMessage m) {
    if (m.kind() == MessageKind.BLOCKED) {
      // the lead blocked the bot: not a message, and nothing can reach them there any more
      s.unreachable = true;
      s.outbox.clear();
      s.nextCallAt = null;
      core.recordSystemNote("El lead bloqueó el canal: no se le enviarán más mensajes");
      return true;
    }
    String body = body(m);
    boolean recorded = core.steps.attempt("record message", () -> core.steps.records.recordMessage(
        inboundRecord(m, body)));
    if (!recorded || m.kind() == MessageKind.EDITED) {
      // an edit is kept for the record; answering it again would repeat the conversation
      return recorded;
    }
    counted(m, body);
    return true;
  }

  private static String body(InboundMessage m) {
    String body = m.text() == null ? "[" + m.kind().name().toLowerCase(java.util.Locale.ROOT) + "]" : m.text();
    return m.kind() == MessageKind.EDITED ? "[editado] " + body : body;
  }

  private MessageRecord inboundRecord(InboundMessage m, String body) {
    return new MessageRecord(s.leadId, s.workflowId, s.brokerSlug, "INBOUND", Author.LEAD.name(), null, m.messageId(), body,
        m.sentAt() == null ? core.now() : m.sentAt());
  }

  /** A recorded message counts: it is a turn of the conversation and restarts the follow-up clock. */
  private void counted(InboundMessage m, String body) {
    s.inboundCount++;
    s.lastInboundAt = core.now();
    s.silenceSince = null;
    s.followUpsSent = 0;
    s.addTurn(new ConversationTurn(Author.LEAD.name(), body, core.now()));
    if (m.provided() != null) {
      s.fields = s.fields.mergedWith(m.provided());
      if (m.provided().phone() != null) {
        s.phoneConfirmed = true; // the channel vouches for it (a contact shared on Telegram)
      }
    }
    // a deep-link payload on the first message says more than the channel's name the lead started with
    if (m.source() != null && !m.source().isBlank() && (s.source == null || s.inboundCount == 1)) {
      s.source = m.source();
    }
    if (s.humanMode && s.humanWaitingSince == null) {
      s.humanWaitingSince = core.now();
      s.humanEscalation = 0;
    }
  }

  private boolean respond(InboundMessage m) {
    if (m.kind() == MessageKind.BLOCKED || m.kind() == MessageKind.EDITED) {
      return true;
    }
    if (s.optedOut || s.unreachable || s.humanMode) {
      return true; // recorded, and pushed to agents by the read model; the AI stays silent
    }
    if (m.kind() == MessageKind.MEDIA) {
      core.queueAi(Texts.mediaReceived());
      return true;
    }
    if (m.kind() == MessageKind.START && (m.text() == null || m.text().isBlank())) {
      m = new InboundMessage(m.messageId(), m.kind(), "hola", m.sentAt(), m.provided(), m.source());
    }
    if (s.callAwaitingConfirmation && m.kind() == MessageKind.TEXT && calls.answeredConfirmation(m.text())) {
      return true;
    }
    AgentTurnResult result = converse(m.text());
    if (result == null) {
      return false;
    }
    boolean booked = visits.booked();
    if (result.wantsVisit() && s.offeredSlots.isEmpty() && !booked && !result.optOut()) {
      if (s.stage.isClosed() && LeadChanges.applies(LeadChanges.CLOSED_LEAD_VISITS)) {
        // a closed lead (lost, or already a client) who asks for a visit is a person's call, not the AI's
        return handToHumanForVisit(result);
      }
      List<java.time.Instant> slots = visits.freeSlots(LeadVisits.SLOTS_OFFERED, LeadVisits.DAYS_AHEAD);
      if (slots == null) {
        return false;
      }
      s.offeredSlots = new java.util.ArrayList<>(slots);
      result = converse(m.text());
      if (result == null) {
        return false;
      }
    }
    return act(result);
  }

  private AgentTurnResult converse(String text) {
    boolean firstContact = s.recentTurns.stream().noneMatch(t -> Author.AI.name().equals(t.author()) || Author.HUMAN.name().equals(t.author()))
        && s.summary.isEmpty();
    // the agent sees the conversation before this message; the message itself travels apart
    List<ConversationTurn> before = s.recentTurns.isEmpty() ? List.of()
        : s.recentTurns.subList(0, s.recentTurns.size() - 1);
    // what earlier lives of the lead said comes first: the agent knows the person, this life greets them anew
    String summary = s.earlierLives == null || s.earlierLives.isEmpty() ? s.summary
        : s.summary.isEmpty() ? s.earlierLives : s.earlierLives + "\n" + s.summary;
    AgentTurnRequest request = new AgentTurnRequest(s.workflowId, core.config.persona(), s.stage, s.fields,
        before, summary, text, s.offeredSlots, core.config.businessHours().timeZone(), firstContact);
    return core.steps.attempt("agent reply", () -> core.steps.agent.converse(request));
  }

  private boolean handToHumanForVisit(AgentTurnResult r) {
    s.fields = s.fields.mergedWith(r.extracted());
    s.wantsVisit = true;
    core.enterHumanMode(null, "Un lead cerrado (" + s.stage + ") pide una visita: " + core.leadName());
    core.rescoreAndAdvance();
    core.queueNow(Texts.closedLeadWantsVisit(s.fields.name()), Author.AI, null);
    return true;
  }

  private boolean act(AgentTurnResult r) {
    String phoneBefore = s.fields.phone();
    s.fields = s.fields.mergedWith(r.extracted());
    if (!java.util.Objects.equals(phoneBefore, s.fields.phone())) {
      s.phoneConfirmed = false; // a number written in the conversation: the lead confirms it before a call
    }
    s.wantsVisit |= r.wantsVisit();
    s.frustrated |= r.sentiment() == Sentiment.FRUSTRATED;
    if (r.optOut()) {
      core.queueNow(r.reply(), Author.AI, null);
      core.flushOutbox();
      visits.optOut("lead", "pidió no ser contactado");
      return true;
    }
    String reply = r.reply();
    if (r.chosenSlot() != null && s.offeredSlots.contains(r.chosenSlot())) {
      BookingResult booking = visits.book(r.chosenSlot(), null);
      if (booking == null) {
        return false;
      }
      if (!booking.booked()) {
        List<java.time.Instant> alternatives = visits.freeSlots(LeadVisits.SLOTS_OFFERED, LeadVisits.DAYS_AHEAD);
        s.offeredSlots = alternatives == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(alternatives);
        reply = Texts.slotTaken(s.offeredSlots, core.config.businessHours().zone());
      }
    }
    if (r.wantsHuman() || r.sentiment() == Sentiment.FRUSTRATED) {
      core.enterHumanMode(null, "El lead pide hablar con una persona"
          + (r.sentiment() == Sentiment.FRUSTRATED ? " (molesto)" : "") + ": "
          + (s.fields.name() == null ? s.workflowId : s.fields.name()));
      core.rescoreAndAdvance();
      core.queueNow(reply, Author.AI, null);
      return true;
    }
    if (r.wantsCall()) {
      reply = calls.wanted(reply);
    }
    core.rescoreAndAdvance();
    core.queueAi(reply);
    return true;
  }
}
