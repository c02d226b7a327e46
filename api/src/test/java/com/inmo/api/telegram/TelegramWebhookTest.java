package com.inmo.api.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The default bot's webhook: each kind of update Telegram posts, mapped and handed to the lead's workflow
 * (read back from its Temporal history); what must not reach a workflow does not.
 */
@DefaultBotContext
class TelegramWebhookTest {

  @Autowired
  WebTestClient http;
  @Autowired
  WorkflowClient temporal;
  @Autowired
  ReactiveStringRedisTemplate redis;

  private WebTestClient.ResponseSpec post(String secret, String body) {
    WebTestClient.RequestBodySpec request = http.post().uri("/webhooks/telegram").contentType(MediaType.APPLICATION_JSON);
    if (secret != null) {
      request = request.header(TelegramWebhookController.SECRET_HEADER, secret);
    }
    return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
  }

  private static String lead(long chatId) {
    return LeadWorkflowIds.telegram(DefaultBotContext.DEFAULT_BROKER, chatId);
  }

  @Test
  void aTextMessageStartsTheLeadAndIsItsFirstInboundSignal() {
    long chat = Updates.chatId();

    post(DefaultBotContext.SECRET, Updates.text(Updates.updateId(), chat, 11, "Hola, busco depto en Ñuñoa"))
        .expectStatus().isOk().expectBody().isEmpty();

    LeadStart start = LeadHistory.start(temporal, lead(chat));
    assertThat(start.brokerSlug()).isEqualTo("demo");
    assertThat(start.channel()).isEqualTo(Channel.TELEGRAM);
    assertThat(start.channelRef()).isEqualTo(String.valueOf(chat));
    assertThat(start.source()).isEqualTo("telegram");
    assertThat(LeadHistory.onlyInbound(temporal, lead(chat)))
        .isEqualTo(new InboundMessage("tg-11", com.inmo.workflows.lead.MessageKind.TEXT, "Hola, busco depto en Ñuñoa", Instant.ofEpochSecond(Updates.DATE),
            null, null));
  }

  @Test
  void startWithADeepLinkPayloadIsTheLeadsSource() {
    long chat = Updates.chatId();
    long bare = Updates.chatId();

    post(DefaultBotContext.SECRET, Updates.start(Updates.updateId(), chat, 1, "portal-inmobiliario_2026"))
        .expectStatus().isOk();
    post(DefaultBotContext.SECRET, Updates.start(Updates.updateId(), bare, 1, null)).expectStatus().isOk();

    assertThat(LeadHistory.start(temporal, lead(chat)).source()).isEqualTo("portal-inmobiliario_2026");
    assertThat(LeadHistory.onlyInbound(temporal, lead(chat))).isEqualTo(new InboundMessage("tg-1", com.inmo.workflows.lead.MessageKind.START, null,
        Instant.ofEpochSecond(Updates.DATE), null, "portal-inmobiliario_2026"));
    assertThat(LeadHistory.start(temporal, lead(bare)).source()).isEqualTo("telegram");
    assertThat(LeadHistory.onlyInbound(temporal, lead(bare)).source()).isEqualTo("telegram");
    assertThat(LeadHistory.onlyInbound(temporal, lead(bare)).kind()).isEqualTo(com.inmo.workflows.lead.MessageKind.START);
  }

  @Test
  void aSharedContactProvidesThePhoneInE164() {
    long chat = Updates.chatId();

    post(DefaultBotContext.SECRET, Updates.contact(Updates.updateId(), chat, 12, "56912345678")).expectStatus().isOk();

    InboundMessage m = LeadHistory.onlyInbound(temporal, lead(chat));
    assertThat(m.kind()).isEqualTo(com.inmo.workflows.lead.MessageKind.CONTACT);
    assertThat(m.messageId()).isEqualTo("tg-12");
    assertThat(m.text()).isEqualTo("[contacto compartido]");
    assertThat(m.provided().phone()).isEqualTo("+56912345678");
    assertThat(m.provided().name()).isNull();
  }

  @Test
  void aLocationCarriesItsCoordinatesInTheText() {
    long chat = Updates.chatId();

    post(DefaultBotContext.SECRET, Updates.location(Updates.updateId(), chat, 13, -33.456789, -70.598765))
        .expectStatus().isOk();

    InboundMessage m = LeadHistory.onlyInbound(temporal, lead(chat));
    assertThat(m.kind()).isEqualTo(com.inmo.workflows.lead.MessageKind.LOCATION);
    assertThat(m.text()).isEqualTo("[ubicación -33.456789,-70.598765]");
    assertThat(m.provided()).isNull();
  }

  @Test
  void photosVoiceNotesStickersAndDocumentsAreMediaWithoutText() {
    long chat = Updates.chatId();

    post(DefaultBotContext.SECRET, Updates.photo(Updates.updateId(), chat, 21)).expectStatus().isOk();
    post(DefaultBotContext.SECRET, Updates.voice(Updates.updateId(), chat, 22)).expectStatus().isOk();
    post(DefaultBotContext.SECRET, Updates.sticker(Updates.updateId(), chat, 23)).expectStatus().isOk();
    post(DefaultBotContext.SECRET, Updates.document(Updates.updateId(), chat, 24)).expectStatus().isOk();

    List<InboundMessage> all = LeadHistory.inbound(temporal, lead(chat));
    assertThat(all).extracting(InboundMessage::messageId).containsExactly("tg-21", "tg-22", "tg-23", "tg-24");
    assertThat(all).allSatisfy(m -> {
      assertThat(m.kind()).isEqualTo(com.inmo.workflows.lead.MessageKind.MEDIA);
      assertThat(m.text()).isNull();
    });
  }

  @Test
  void anEditIsItsOwnRecordOnlyMessageNotACopyOfTheOriginal() {
    long chat = Updates.chatId();
    long stranger = Updates.chatId();
    post(DefaultBotContext.SECRET, Updates.text(Updates.updateId(), chat, 31, "busco casa en Maipu")).expectStatus().isOk();

    post(DefaultBotContext.SECRET, Updates.edited(Updates.updateId(), chat, 31, Updates.DATE + 60, "busco casa en Maipú"))
        .expectStatus().isOk();
    post(DefaultBotContext.SECRET, Updates.edited(Updates.updateId(), stranger, 9, Updates.DATE + 60, "editado"))
        .expectStatus().isOk();

    List<InboundMessage> all = LeadHistory.inbound(temporal, lead(chat));
    assertThat(all).hasSize(2);
    assertThat(all.get(1)).isEqualTo(new InboundMessage("tg-31-edit-" + (Updates.DATE + 60), com.inmo.workflows.lead.MessageKind.EDITED,
        "busco casa en Maipú", Instant.ofEpochSecond(Updates.DATE + 60), null, null));
    assertThat(LeadHistory.exists(temporal, lead(stranger))).as("an edit starts no lead").isFalse();
  }

  @Test
  void groupSupergroupAndChannelMessagesReachNoWorkflow() {
    long group = -Updates.chatId();
    long supergroup = -1_000_000_000_000L - Updates.chatId();
    long person = Updates.chatId();

    post(DefaultBotContext.SECRET, Updates.groupText(Updates.updateId(), group, "group", person, "hola bot"))
        .expectStatus().isOk();
    post(DefaultBotContext.SECRET, Updates.groupText(Updates.updateId(), supergroup, "supergroup", person, "hola"))
        .expectStatus().isOk();
    post(DefaultBotContext.SECRET, Updates.channelPost(Updates.updateId(), supergroup - 1, "oferta"))
        .expectStatus().isOk();

    assertThat(LeadHistory.exists(temporal, lead(group))).isFalse();
    assertThat(LeadHistory.exists(temporal, lead(supergroup))).isFalse();
    assertThat(LeadHistory.exists(temporal, lead(supergroup - 1))).isFalse();
    assertThat(LeadHistory.exists(temporal, lead(person))).isFalse();
  }

  @Test
  void aLeadBlockingTheBotIsABlockedSignalAndStartsNoLead() {
    long chat = Updates.chatId();
    long stranger = Updates.chatId();
    post(DefaultBotContext.SECRET, Updates.text(Updates.updateId(), chat, 41, "hola")).expectStatus().isOk();
    int blockedUpdate = Updates.updateId();

    post(DefaultBotContext.SECRET, Updates.myChatMember(blockedUpdate, chat, "member", "kicked")).expectStatus().isOk();
    post(DefaultBotContext.SECRET, Updates.myChatMember(Updates.updateId(), stranger, "member", "kicked"))
        .expectStatus().isOk();
    // unblocking says nothing to the lead's workflow
    post(DefaultBotContext.SECRET, Updates.myChatMember(Updates.updateId(), chat, "kicked", "member"))
        .expectStatus().isOk();

    List<InboundMessage> all = LeadHistory.inbound(temporal, lead(chat));
    assertThat(all).hasSize(2);
    assertThat(all.get(1)).isEqualTo(new InboundMessage("tg-blocked-" + blockedUpdate, com.inmo.workflows.lead.MessageKind.BLOCKED, null,
        Instant.ofEpochSecond(Updates.DATE + 600), null, null));
    assertThat(LeadHistory.exists(temporal, lead(stranger))).isFalse();
  }

  @Test
  void theSameUpdatePostedThreeTimesIsOneSignal() {
    long chat = Updates.chatId();
    int updateId = Updates.updateId();
    String body = Updates.text(updateId, chat, 51, "¿tienen algo en Providencia?");

    for (int i = 0; i < 3; i++) {
      post(DefaultBotContext.SECRET, body).expectStatus().isOk();
    }

    assertThat(LeadHistory.inbound(temporal, lead(chat))).hasSize(1);
    String key = UpdateDedup.key("7000000001", updateId);
    Duration ttl = redis.getExpire(key).block();
    assertThat(ttl).isBetween(Duration.ofSeconds(86_000), Duration.ofSeconds(86_400));
  }

  @Test
  void aMissingOrForgedSecretIs401AndNothingHappens() {
    long chat = Updates.chatId();
    String body = Updates.text(Updates.updateId(), chat, 61, "hola");

    post(null, body).expectStatus().isUnauthorized();
    post("", body).expectStatus().isUnauthorized();
    post(DefaultBotContext.SECRET + "x", body).expectStatus().isUnauthorized();
    post(DefaultBotContext.SECRET.substring(1), body).expectStatus().isUnauthorized();
    http.post().uri("/webhooks/telegram/{slug}", "no-such-broker").contentType(MediaType.APPLICATION_JSON)
        .header(TelegramWebhookController.SECRET_HEADER, DefaultBotContext.SECRET).bodyValue(body).exchange()
        .expectStatus().isUnauthorized();
    http.post().uri("/webhooks/telegram/{slug}", "demo").contentType(MediaType.APPLICATION_JSON)
        .header(TelegramWebhookController.SECRET_HEADER, DefaultBotContext.SECRET).bodyValue(body).exchange()
        .expectStatus().isUnauthorized();

    assertThat(LeadHistory.exists(temporal, lead(chat))).isFalse();
  }

  @Test
  void aBodyOverOneMegabyteIs413EvenBeforeTheSecretIsChecked() {
    long chat = Updates.chatId();
    String big = Updates.text(Updates.updateId(), chat, 71, "a".repeat(1024 * 1024));

    post(DefaultBotContext.SECRET, big).expectStatus().isEqualTo(413);
    post(null, big).expectStatus().isEqualTo(413);
    assertThat(LeadHistory.exists(temporal, lead(chat))).isFalse();
  }

  @Test
  void malformedJsonIs400ButOnlyOnceTheSecretIsRight() {
    post(DefaultBotContext.SECRET, "{\"update_id\": 5, \"message\": {").expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("not a Telegram update"));
    post(DefaultBotContext.SECRET, "[1, 2]").expectStatus().isBadRequest();
    post(DefaultBotContext.SECRET, "{\"message\": {\"message_id\": 1}}").expectStatus().isBadRequest();
    post(DefaultBotContext.SECRET, "").expectStatus().isBadRequest();
    post("wrong", "{\"update_id\": 5, \"message\": {").expectStatus().isUnauthorized();
  }
}
