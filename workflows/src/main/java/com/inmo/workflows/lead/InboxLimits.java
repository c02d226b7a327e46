package com.inmo.workflows.lead;

import java.util.List;

/**
 * Keeps the inbox bounded however much a lead writes while its answers wait (a burst, or an outage during which
 * its step needs attention), so the state carried through continue-as-new never nears Temporal's payload limit.
 * Nothing the lead wrote is dropped: a message already recorded in the read model leaves the inbox (it is in
 * the conversation and the agent's turns already; it just gets no answer of its own), and a message not yet
 * recorded is joined to the last waiting one, to be recorded and answered with it.
 */
final class InboxLimits {

  /** What any channel allows (Telegram's limit): a longer message is cut, with a mark. */
  static final int MAX_TEXT = 4_096;
  /** Two waiting texts are joined only while the result stays within this. */
  static final int MAX_JOINED = 8_192;
  /**
   * Past this many waiting entries the newest text is joined even if it must be cut: only a lead sending
   * hundreds of kilobytes during an outage gets here, and the state stays under a megabyte.
   */
  static final int HARD_LIMIT = 100;
  static final String CUT = " […]";

  private InboxLimits() {
  }

  /** What the signal handler does: append (an answer may be in flight: the inbox is compacted between steps). */
  static void add(LeadState s, InboundMessage message) {
    s.inbox.add(new WaitingInbound(cut(message), false));
  }

  /** Called where no answer is in flight: before a step works through the inbox, and before continue-as-new. */
  static void compact(LeadState s) {
    List<WaitingInbound> inbox = s.inbox;
    while (inbox.size() > LeadState.MAX_WAITING
        && (dropRecorded(inbox) || joinTexts(inbox, MAX_JOINED) || inbox.size() > HARD_LIMIT
            && joinTexts(inbox, Integer.MAX_VALUE))) {
      // one entry fewer each turn
    }
  }

  /** A recorded message after the head (the head is the one a failed step is about: never touched). */
  private static boolean dropRecorded(List<WaitingInbound> inbox) {
    for (int i = 1; i < inbox.size(); i++) {
      if (inbox.get(i).accepted()) {
        inbox.remove(i);
        return true;
      }
    }
    return false;
  }

  /** The newest two unrecorded texts after the head become one (other kinds keep their meaning apart). */
  private static boolean joinTexts(List<WaitingInbound> inbox, int maxLength) {
    for (int i = inbox.size() - 2; i >= 1; i--) {
      WaitingInbound earlier = inbox.get(i);
      WaitingInbound later = inbox.get(i + 1);
      if (!earlier.accepted() && !later.accepted() && isText(earlier) && isText(later)
          && earlier.message().text().length() + 1 + later.message().text().length() <= maxLength) {
        inbox.set(i, new WaitingInbound(joined(earlier.message(), later.message()), false));
        inbox.remove(i + 1);
        return true;
      }
    }
    return false;
  }

  static boolean isText(WaitingInbound w) {
    return w.message().kind() == MessageKind.TEXT && w.message().text() != null;
  }

  /** The earlier message keeps its id (its record's key); the later one's text follows on a new line. */
  static InboundMessage joined(InboundMessage earlier, InboundMessage later) {
    String text = earlier.text() + "\n" + later.text();
    QualificationFields provided = earlier.provided() == null ? later.provided()
        : later.provided() == null ? earlier.provided() : earlier.provided().mergedWith(later.provided());
    return cut(new InboundMessage(earlier.messageId(), MessageKind.TEXT, text, earlier.sentAt(), provided,
        earlier.source() != null ? earlier.source() : later.source()), MAX_JOINED);
  }

  private static InboundMessage cut(InboundMessage m) {
    return cut(m, MAX_TEXT);
  }

  private static InboundMessage cut(InboundMessage m, int max) {
    if (m.text() == null || m.text().length() <= max) {
      return m;
    }
    return new InboundMessage(m.messageId(), m.kind(), m.text().substring(0, max - CUT.length()) + CUT,
        m.sentAt(), m.provided(), m.source());
  }
}
