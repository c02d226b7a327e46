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

  record Tally(int sent, long lost, long doubled) {
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
    for (long chat : chats) {
      Count count = count(chat);
      long sent = crowd.sent.stream().filter(s -> s.chat == chat).count();
      long unanswered = crowd.sent.stream().filter(s -> s.chat == chat && s.answeredAt == 0).count();
      lost += Math.max(Math.max(0, sent - count.inbound()), unanswered);
      doubled += Math.max(0, bot.sentTo(chat).size() - count.outbound());
    }
    return new Tally(crowd.sent.size(), lost, doubled);
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
