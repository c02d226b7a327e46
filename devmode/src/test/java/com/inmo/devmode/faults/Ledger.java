package com.inmo.devmode.faults;

import com.inmo.devmode.telegram.BotApiServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

/**
 * What the read model recorded of each lead of a scenario, against what the leads sent and what reached the Bot
 * API: a message not recorded or not answered is lost; a reply that reached the Bot API more often than it was
 * recorded was sent twice.
 */
final class Ledger {

  record Count(long inbound, long outbound) {
  }

  /**
   * @param doubled    replies the Bot API received more often than the ledger recorded them: sent, then the
   *                   process died before the record, and the retry found none (the window no client can close)
   * @param extra      replies beyond one per message a lead sent: a reply recorded twice under two keys, or a
   *                   message answered twice (always a defect)
   * @param firstCopies when the Bot API first received each doubled reply (System.nanoTime)
   */
  record Tally(int sent, long lost, long doubled, long extra, List<Long> firstCopies) {
  }

  private final MachinePostgres pg;
  private final BotApiServer bot;

  Ledger(MachinePostgres pg, BotApiServer bot) {
    this.pg = pg;
    this.bot = bot;
  }

  Count count(long chat) throws Exception {
    try (Connection c = pg.connect(); PreparedStatement q = c.prepareStatement("""
        SELECT count(*) FILTER (WHERE m.direction = 'INBOUND') AS inbound,
               count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.author IN ('AI', 'HUMAN')) AS outbound
        FROM messages m JOIN leads l ON l.id = m.lead_id WHERE l.workflow_id = ?""")) {
      q.setString(1, "lead-demo-telegram-" + chat);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return new Count(r.getLong("inbound"), r.getLong("outbound"));
      }
    }
  }

  /**
   * Tallies a finished scenario. A reply is recorded right after the Bot API takes it; the tally first waits
   * (a bounded while) for the records of replies already sent, so a record in flight is not read as a double.
   */
  Tally tally(TelegramCrowd crowd) throws Exception {
    List<Long> chats = crowd.chats();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && !allRecorded(chats)) {
      Thread.sleep(200);
    }
    long lost = 0;
    long doubled = 0;
    long extra = 0;
    List<Long> firstCopies = new java.util.ArrayList<>();
    for (long chat : chats) {
      Count count = count(chat);
      long sent = crowd.sent.stream().filter(s -> s.chat == chat).count();
      long unanswered = crowd.sent.stream().filter(s -> s.chat == chat && s.answeredAt == 0).count();
      lost += Math.max(Math.max(0, sent - count.inbound()), unanswered);
      doubled += Math.max(0, bot.sentTo(chat).size() - count.outbound());
      extra += Math.max(0, count.outbound() - sent);
      firstCopies.addAll(firstCopiesOfRepeats(chat));
    }
    return new Tally(crowd.sent.size(), lost, doubled, extra, firstCopies);
  }

  /** When the Bot API first received each text it received more than once in this chat. */
  private List<Long> firstCopiesOfRepeats(long chat) {
    java.util.Map<String, List<Long>> byText = new java.util.LinkedHashMap<>();
    for (BotApiServer.Call call : bot.calls("sendmessage")) {
      if (call.body().path("chat_id").asText().equals(Long.toString(chat))) {
        byText.computeIfAbsent(call.body().path("text").asText(), t -> new java.util.ArrayList<>()).add(call.atNanos());
      }
    }
    return byText.values().stream().filter(times -> times.size() > 1).map(times -> times.get(0)).toList();
  }

  private boolean allRecorded(List<Long> chats) throws Exception {
    for (long chat : chats) {
      if (count(chat).outbound() < bot.sentTo(chat).size()) {
        return false;
      }
    }
    return true;
  }
}
