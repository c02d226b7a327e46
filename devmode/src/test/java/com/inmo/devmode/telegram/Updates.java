package com.inmo.devmode.telegram;

import java.util.concurrent.atomic.AtomicInteger;

/** Telegram updates as the Bot API delivers them (private chat, real field names). */
final class Updates {

  private final AtomicInteger updateIds = new AtomicInteger(9000);
  private final AtomicInteger messageIds = new AtomicInteger(1);
  private final long chatId;

  Updates(long chatId) {
    this.chatId = chatId;
  }

  String text(String text) {
    String entities = text.startsWith("/") ? ",\"entities\":[{\"offset\":0,\"length\":"
        + text.split(" ")[0].length() + ",\"type\":\"bot_command\"}]" : "";
    return "{\"update_id\":" + updateIds.incrementAndGet() + ",\"message\":{\"message_id\":"
        + messageIds.incrementAndGet() + ",\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"Luz\"},"
        + "\"chat\":{\"id\":" + chatId + ",\"type\":\"private\",\"first_name\":\"Luz\"},\"date\":1764430000,"
        + "\"text\":" + BotApiServer.JSON.valueToTree(text) + entities + "}}";
  }
}
