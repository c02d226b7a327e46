package com.inmo.api.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mapping's edge cases; the common kinds are covered end to end by {@link TelegramWebhookTest}. */
class TelegramUpdatesTest {

  @Test
  void phonesBecomeE164() {
    assertThat(TelegramUpdates.e164("56912345678")).isEqualTo("+56912345678");
    assertThat(TelegramUpdates.e164("+56 9 1234-5678")).isEqualTo("+56912345678");
    assertThat(TelegramUpdates.e164("(+1) 415 555 0100")).isEqualTo("+14155550100");
    assertThat(TelegramUpdates.e164("1234")).isNull();
    assertThat(TelegramUpdates.e164("1234567890123456")).isNull();
    assertThat(TelegramUpdates.e164(null)).isNull();
  }

  @Test
  void startAddressedToTheBotByNameAndAnOverlongPayloadAreRead() {
    var named = TelegramUpdates.read(TelegramJson.parse(
        Updates.text(1, 42, 1, "/start@inmo_demo_bot campana").getBytes())).orElseThrow();
    assertThat(named.message().kind()).isEqualTo(com.inmo.workflows.lead.MessageKind.START);
    assertThat(named.leadSource()).isEqualTo("campana");

    var longOne = TelegramUpdates.read(TelegramJson.parse(
        Updates.text(2, 42, 2, "/start " + "x".repeat(100)).getBytes())).orElseThrow();
    assertThat(longOne.leadSource()).hasSize(TelegramUpdates.MAX_SOURCE);

    var notStart = TelegramUpdates.read(TelegramJson.parse(Updates.text(3, 42, 3, "/startup").getBytes())).orElseThrow();
    assertThat(notStart.message().kind()).isEqualTo(com.inmo.workflows.lead.MessageKind.TEXT);
  }

  @Test
  void updatesThatAreNoLeadsMessageAreIgnored() {
    assertThat(TelegramUpdates.read(TelegramJson.parse("""
        {"update_id":9,"message":{"message_id":4,"from":{"id":42,"is_bot":false,"first_name":"C"},
         "chat":{"id":42,"first_name":"C","type":"private"},"date":1767225600,
         "dice":{"emoji":"\\ud83c\\udfb2","value":3}}}""".getBytes()))).isEmpty();
    assertThat(TelegramUpdates.read(TelegramJson.parse("""
        {"update_id":10,"callback_query":{"id":"1","from":{"id":42,"is_bot":false,"first_name":"C"},
         "chat_instance":"-1","data":"x"}}""".getBytes()))).isEmpty();
    assertThat(TelegramUpdates.read(TelegramJson.parse(
        Updates.myChatMember(11, 42, "kicked", "member").getBytes()))).isEmpty();
  }

  @Test
  void fieldsFromANewerBotApiDoNotBreakParsing() {
    var update = TelegramJson.parse("""
        {"update_id":12,"a_future_field":{"x":1},"message":{"message_id":5,"from":{"id":42,"is_bot":false,
         "first_name":"C","another_new_one":true},"chat":{"id":42,"first_name":"C","type":"private"},
         "date":1767225600,"text":"hola"}}""".getBytes());

    assertThat(TelegramUpdates.read(update).orElseThrow().message().text()).isEqualTo("hola");
  }
}
