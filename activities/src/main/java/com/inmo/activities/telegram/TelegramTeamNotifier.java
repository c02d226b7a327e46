package com.inmo.activities.telegram;

import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Posts a team notification (new hot lead, human needed, digest…) to the broker's Telegram chat with the
 * broker's bot. Throws on any failure; the caller decides that a notification is not lost for it (the api's
 * copy on the dashboard is the notification of record).
 */
public class TelegramTeamNotifier {

  private final TelegramBots bots;
  private final TelegramClients clients;
  private final ChatPacer pacer;

  public TelegramTeamNotifier(TelegramBots bots, TelegramClients clients, ChatPacer pacer) {
    this.bots = bots;
    this.clients = clients;
    this.pacer = pacer;
  }

  public void send(String brokerSlug, long chatId, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    String token = bots.requireToken(brokerSlug);
    TelegramClient client = clients.forToken(token);
    String chat = Long.toString(chatId);
    for (String part : TelegramText.split(text)) {
      pacer.awaitTurn(TelegramSender.paceKey(token, chat));
      try {
        client.execute(new SendMessage(chat, part));
      } catch (TelegramApiException e) {
        if (TelegramFailures.unauthorized(e)) {
          bots.forget(brokerSlug);
        }
        String unreachable = TelegramFailures.unreachable(e).orElse(null);
        if (unreachable != null) {
          throw new IllegalStateException("the team's Telegram chat " + chat + " of broker " + brokerSlug
              + " is unreachable: " + unreachable);
        }
        throw TelegramFailures.toFailure(e, "notify broker " + brokerSlug + " on Telegram chat " + chat, token);
      }
    }
  }
}
