package com.inmo.api.telegram;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Telegram update bodies as the Bot API posts them (field for field what a real bot receives). Ids are
 * random per test: the tests share one Temporal server and the machine's Redis.
 */
final class Updates {

  static final int DATE = 1_767_225_600; // 2026-01-01T00:00:00Z

  private Updates() {
  }

  static int updateId() {
    return ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
  }

  /** A private chat's id: the person's user id. */
  static long chatId() {
    return ThreadLocalRandom.current().nextLong(100_000_000L, 9_000_000_000L);
  }

  private static String person(long id) {
    return """
        {"id":%d,"is_bot":false,"first_name":"Camila","last_name":"Rojas","username":"camirojas","language_code":"es"}"""
        .formatted(id);
  }

  private static String privateChat(long id) {
    return """
        {"id":%d,"first_name":"Camila","last_name":"Rojas","username":"camirojas","type":"private"}""".formatted(id);
  }

  private static String message(int updateId, long chatId, int messageId, String content) {
    return """
        {"update_id":%d,"message":{"message_id":%d,"from":%s,"chat":%s,"date":%d,%s}}"""
        .formatted(updateId, messageId, person(chatId), privateChat(chatId), DATE, content);
  }

  static String text(int updateId, long chatId, int messageId, String text) {
    return message(updateId, chatId, messageId, "\"text\":" + quote(text));
  }

  static String start(int updateId, long chatId, int messageId, String payload) {
    String command = payload == null ? "/start" : "/start " + payload;
    return message(updateId, chatId, messageId, """
        "text":%s,"entities":[{"offset":0,"length":6,"type":"bot_command"}]""".formatted(quote(command)));
  }

  static String contact(int updateId, long chatId, int messageId, String phone) {
    return message(updateId, chatId, messageId, """
        "contact":{"phone_number":%s,"first_name":"Camila","last_name":"Rojas","user_id":%d}"""
        .formatted(quote(phone), chatId));
  }

  static String location(int updateId, long chatId, int messageId, double latitude, double longitude) {
    return message(updateId, chatId, messageId, """
        "location":{"latitude":%s,"longitude":%s}""".formatted(latitude, longitude));
  }

  static String photo(int updateId, long chatId, int messageId) {
    return message(updateId, chatId, messageId, """
        "photo":[{"file_id":"AgACAgEAAxkBAAIBZ2cAAUs","file_unique_id":"AQADq6kxGw","file_size":1391,"width":90,"height":67},\
        {"file_id":"AgACAgEAAxkBAAIBZ2cAAUt","file_unique_id":"AQADq6kxG3","file_size":48213,"width":800,"height":600}],\
        "caption":"este me gusta\"""");
  }

  static String voice(int updateId, long chatId, int messageId) {
    return message(updateId, chatId, messageId, """
        "voice":{"duration":4,"mime_type":"audio/ogg","file_id":"AwACAgEAAxkBAAIBaGcAAVo","file_unique_id":"AgADpgYAAg","file_size":15840}""");
  }

  static String sticker(int updateId, long chatId, int messageId) {
    return message(updateId, chatId, messageId, """
        "sticker":{"width":512,"height":512,"emoji":"\\ud83d\\udc4d","set_name":"HotCherry","is_animated":false,\
        "is_video":false,"type":"regular","file_id":"CAACAgIAAxkBAAIBaWcAAVs","file_unique_id":"AgADHQADwDZPEw","file_size":17282}""");
  }

  static String document(int updateId, long chatId, int messageId) {
    return message(updateId, chatId, messageId, """
        "document":{"file_name":"liquidacion.pdf","mime_type":"application/pdf","file_id":"BQACAgEAAxkBAAIBamcAAVw",\
        "file_unique_id":"AgADpwYAAg","file_size":83211}""");
  }

  static String edited(int updateId, long chatId, int messageId, int editDate, String text) {
    return """
        {"update_id":%d,"edited_message":{"message_id":%d,"from":%s,"chat":%s,"date":%d,"edit_date":%d,"text":%s}}"""
        .formatted(updateId, messageId, person(chatId), privateChat(chatId), DATE, editDate, quote(text));
  }

  static String groupText(int updateId, long groupId, String type, long fromId, String text) {
    return """
        {"update_id":%d,"message":{"message_id":7,"from":%s,"chat":{"id":%d,"title":"Vecinos Ñuñoa","type":%s},\
        "date":%d,"text":%s}}""".formatted(updateId, person(fromId), groupId, quote(type), DATE, quote(text));
  }

  static String channelPost(int updateId, long channelId, String text) {
    return """
        {"update_id":%d,"channel_post":{"message_id":3,"sender_chat":{"id":%d,"title":"Ofertas","type":"channel"},\
        "chat":{"id":%d,"title":"Ofertas","type":"channel"},"date":%d,"text":%s}}"""
        .formatted(updateId, channelId, channelId, DATE, quote(text));
  }

  static String myChatMember(int updateId, long chatId, String oldStatus, String newStatus) {
    String bot = """
        {"id":7000000001,"is_bot":true,"first_name":"Sofía","username":"inmo_demo_bot"}""";
    String until = "kicked".equals(newStatus) ? ",\"until_date\":0" : "";
    return """
        {"update_id":%d,"my_chat_member":{"chat":%s,"from":%s,"date":%d,\
        "old_chat_member":{"user":%s,"status":%s},"new_chat_member":{"user":%s,"status":%s%s}}}"""
        .formatted(updateId, privateChat(chatId), person(chatId), DATE + 600, bot, quote(oldStatus), bot,
            quote(newStatus), until);
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
