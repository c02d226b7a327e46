package com.inmo.activities.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.activities.messaging.ChannelMessagingActivities;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.OutboundMessage;
import com.inmo.workflows.activity.SendResult;
import com.inmo.workflows.lead.Channel;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lead replies on Telegram, through telegrambots' client, against a local Bot API and the api's ledger. */
class TelegramSenderTest {

  static final String DEMO_TOKEN = "111111:demo-secret";
  static final String ACME_TOKEN = "222222:acme-secret";

  private final BotApiStub telegram = new BotApiStub();
  private final InternalApiFake api = new InternalApiFake();
  private final TelegramClients clients = new TelegramClients(telegram.url());
  private final UUID lead = UUID.randomUUID();

  @AfterEach
  void stop() {
    clients.close();
    telegram.close();
    api.close();
  }

  /** Pacing short enough not to slow the other tests; the pacing tests use a real second. */
  private ChannelMessagingActivities messaging(Duration pacing) {
    TelegramBots bots = new TelegramBots(api.client(), "demo", DEMO_TOKEN);
    return new ChannelMessagingActivities(api.client(), new TelegramSender(api.client(), bots, clients,
        new ChatPacer(pacing)));
  }

  private ChannelMessagingActivities messaging() {
    return messaging(Duration.ofMillis(10));
  }

  private OutboundMessage reply(String broker, String chatId, String text, String key) {
    return new OutboundMessage(lead, "lead-" + broker + "-telegram-" + chatId, broker, Channel.TELEGRAM, chatId, text,
        key, "AI", null);
  }

  private static String sentences(int minLength) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; text.length() < minLength; i++) {
      text.append("Esta es la frase número ").append(i).append(" sobre el departamento en Ñuñoa, con vista al parque. ");
    }
    return text.toString().strip();
  }

  @Test
  void aReplyIsDeliveredWithTheBrokersTokenToTheChatAndRecorded() {
    SendResult result = messaging().send(reply("demo", "4242", "Hola, soy Sofía. ¿En qué zona buscas?", "k:ai:1"));

    assertThat(result).isEqualTo(SendResult.ok());
    assertThat(telegram.calls).hasSize(1);
    BotApiStub.Call call = telegram.calls.get(0);
    assertThat(call.token()).isEqualTo(DEMO_TOKEN);
    assertThat(call.method()).isEqualTo("sendMessage");
    assertThat(call.chatId()).isEqualTo("4242");
    assertThat(call.text()).isEqualTo("Hola, soy Sofía. ¿En qué zona buscas?");
    List<MessageRecord> recorded = api.recorded();
    assertThat(recorded).hasSize(1);
    MessageRecord record = recorded.get(0);
    assertThat(record.leadId()).isEqualTo(lead);
    assertThat(record.direction()).isEqualTo("OUTBOUND");
    assertThat(record.author()).isEqualTo("AI");
    assertThat(record.externalId()).isEqualTo("k:ai:1");
    assertThat(record.body()).isEqualTo("Hola, soy Sofía. ¿En qué zona buscas?");
    assertThat(record.brokerSlug()).isEqualTo("demo");
  }

  @Test
  void aLongReplyIsSplitAtSentencesInOrderAfterATypingAction() {
    String text = sentences(10_000);

    assertThat(messaging().send(reply("demo", "4242", text, "k:ai:2")).delivered()).isTrue();

    assertThat(telegram.calls.get(0).method()).isEqualTo("sendChatAction");
    assertThat(telegram.calls.get(0).body().path("action").asText()).isEqualTo("typing");
    assertThat(telegram.calls.get(0).chatId()).isEqualTo("4242");
    List<String> parts = telegram.sentTexts();
    assertThat(parts).hasSize(3);
    assertThat(telegram.calls).hasSize(4);
    assertThat(parts).allSatisfy(part -> {
      assertThat(part.length()).isLessThanOrEqualTo(4096);
      assertThat(part).startsWith("Esta es la frase").endsWith("parque.");
    });
    assertThat(String.join(" ", parts)).isEqualTo(text);
    assertThat(api.recorded()).extracting(MessageRecord::externalId).containsExactly("k:ai:2", "k:ai:2#2", "k:ai:2#3");
    assertThat(api.recorded()).extracting(MessageRecord::body).containsExactlyElementsOf(parts);
  }

  @Test
  void aShortReplyHasNoTypingAction() {
    messaging().send(reply("demo", "4242", "x".repeat(TelegramSender.TYPING_ABOVE), "k:ai:3"));

    assertThat(telegram.calls).extracting(BotApiStub.Call::method).containsExactly("sendMessage");
  }

  @Test
  void aRetriedSendDeliversNothingTwice() {
    ChannelMessagingActivities messaging = messaging();
    OutboundMessage message = reply("demo", "4242", "Perfecto, te anoto para el martes.", "k:ai:4");

    messaging.send(message);
    SendResult again = messaging.send(message);

    assertThat(again.delivered()).isTrue();
    assertThat(telegram.sentTexts()).containsExactly("Perfecto, te anoto para el martes.");
    assertThat(api.requests).filteredOn(r -> r.startsWith("GET /internal/v1/leads/" + lead + "/messages/k%3Aai%3A4"))
        .hasSize(2); // asked the ledger both times, and the second time it said 200
  }

  @Test
  void aRetryAfterAFailedPartSendsOnlyTheRemainingParts() {
    ChannelMessagingActivities messaging = messaging();
    OutboundMessage message = reply("demo", "4242", sentences(10_000), "k:ai:5");
    telegram.failAfter("sendMessage", 1, 502, "Bad Gateway", null); // part 1 goes out, part 2 meets an outage

    assertThatThrownBy(() -> messaging.send(message)).isNotInstanceOf(ApplicationFailure.class);
    assertThat(api.recorded()).extracting(MessageRecord::externalId).containsExactly("k:ai:5");
    messaging.send(message); // Temporal's retry

    List<String> texts = telegram.sentTexts();
    assertThat(texts).hasSize(4); // part 1; part 2 refused; parts 2 and 3 on the retry
    assertThat(texts.get(2)).isEqualTo(texts.get(1));
    assertThat(texts.subList(1, 4)).doesNotContain(texts.get(0));
    assertThat(api.recorded()).extracting(MessageRecord::externalId).containsExactly("k:ai:5", "k:ai:5#2", "k:ai:5#3");
    assertThat(api.recorded()).extracting(MessageRecord::body).containsExactly(texts.get(0), texts.get(2), texts.get(3));
  }

  @Test
  void aPartSentButNotRecordedIsRecordedOnRetryWithoutSendingAgain() {
    ChannelMessagingActivities messaging = messaging();
    OutboundMessage message = reply("demo", "4242", "Te confirmo la visita.", "k:ai:6");
    api.failNextRecord(503);

    assertThatThrownBy(() -> messaging.send(message)).isInstanceOf(IllegalStateException.class).hasMessageContaining("503");
    messaging.send(message);

    assertThat(telegram.sentTexts()).containsExactly("Te confirmo la visita.");
    assertThat(api.recorded()).extracting(MessageRecord::externalId).containsExactly("k:ai:6");
  }

  @Test
  void tooManyRequestsIsRetriedByTemporalAfterRetryAfter() {
    telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 3", 3);

    assertThatThrownBy(() -> messaging().send(reply("demo", "4242", "Hola", "k:ai:7")))
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
          assertThat(failure.isNonRetryable()).isFalse();
          assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(3));
          assertThat(failure.getType()).isEqualTo("TelegramRateLimited");
        });
    assertThat(api.recorded()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "403 | Forbidden: bot was blocked by the user",
      "403 | Forbidden: user is deactivated",
      "400 | Bad Request: chat not found"})
  void aLeadThatBlockedTheBotIsUnreachableNotAFailure(int code, String description) {
    telegram.failNext("sendMessage", code, description, null);

    SendResult result = messaging().send(reply("demo", "4242", "Hola", "k:ai:8"));

    assertThat(result).isEqualTo(new SendResult(false, true, description));
    assertThat(api.recorded()).isEmpty();
  }

  @Test
  void aTelegramServerErrorIsRetriedWithBackoff() {
    telegram.failNext("sendMessage", 500, "Internal Server Error", null);

    assertThatThrownBy(() -> messaging().send(reply("demo", "4242", "Hola", "k:ai:9")))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("500");
    assertThat(api.recorded()).isEmpty();
  }

  @Test
  void anUnreachableBotApiIsRetriedWithBackoffAndNeverShowsTheToken() throws Exception {
    telegram.close(); // connection refused from now on

    assertThatThrownBy(() -> messaging().send(reply("demo", "4242", "Hola", "k:ai:10")))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("could not be reached")
        .hasMessageNotContaining("demo-secret");
  }

  @Test
  void anyOtherRefusalIsNotRetriedAndNamesTelegramsReason() {
    telegram.failNext("sendMessage", 400, "Bad Request: message text is empty", null);

    assertThatThrownBy(() -> messaging().send(reply("demo", "4242", "Hola", "k:ai:11")))
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
          assertThat(failure.isNonRetryable()).isTrue();
          assertThat(failure.getOriginalMessage()).contains("Bad Request: message text is empty");
        });
  }

  @Test
  void anotherBrokersBotTokenComesFromTheApiOnce() {
    api.botTokens.put("acme", ACME_TOKEN);
    ChannelMessagingActivities messaging = messaging();

    messaging.send(reply("acme", "77", "Hola", "a:ai:1"));
    messaging.send(reply("acme", "78", "Hola otra vez", "a:ai:2"));

    assertThat(telegram.calls).extracting(BotApiStub.Call::token).containsExactly(ACME_TOKEN, ACME_TOKEN);
    assertThat(api.requestsTo("GET /internal/v1/brokers/acme/telegram")).isEqualTo(1);
  }

  @Test
  void aBrokerWithoutABotFailsClearlyAndIsNotRetried() {
    assertThatThrownBy(() -> messaging().send(reply("acme", "77", "Hola", "a:ai:3")))
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
          assertThat(failure.isNonRetryable()).isTrue();
          assertThat(failure.getOriginalMessage()).isEqualTo("Telegram is not connected for broker acme");
        });
    assertThat(telegram.calls).isEmpty();
  }

  /** A pacer that notes the waits it is asked for instead of taking them (what a clock would measure is noise). */
  static final class NotedPacer extends ChatPacer {
    final List<Long> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();

    NotedPacer(Duration interval) {
      super(interval);
    }

    @Override
    protected void pause(long nanos) {
      pauses.add(nanos);
    }
  }

  private ChannelMessagingActivities messaging(ChatPacer pacer) {
    TelegramBots bots = new TelegramBots(api.client(), "demo", DEMO_TOKEN);
    return new ChannelMessagingActivities(api.client(), new TelegramSender(api.client(), bots, clients, pacer));
  }

  @Test
  void aSecondMessageToOneChatWaitsForItsTurn() {
    NotedPacer pacer = new NotedPacer(Duration.ofSeconds(1));
    ChannelMessagingActivities messaging = messaging(pacer);

    messaging.send(reply("demo", "4242", "Primero.", "k:ai:12"));
    messaging.send(reply("demo", "4242", "Segundo.", "k:ai:13"));

    assertThat(telegram.calls("sendMessage")).hasSize(2);
    assertThat(pacer.pauses).as("the second waits the rest of the second since the first").singleElement()
        .satisfies(nanos -> assertThat(nanos).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1).toNanos()));
  }

  @Test
  void messagesToDifferentChatsAreNotHeldUp() {
    NotedPacer pacer = new NotedPacer(Duration.ofSeconds(1));
    ChannelMessagingActivities messaging = messaging(pacer);

    for (String chat : List.of("1001", "1002", "1003")) {
      messaging.send(reply("demo", chat, "Hola", "c:" + chat));
    }

    assertThat(telegram.calls("sendMessage")).extracting(BotApiStub.Call::chatId)
        .containsExactly("1001", "1002", "1003");
    assertThat(pacer.pauses).isEmpty();
  }

  @Test
  void withoutTelegramWiringTheChannelIsRefusedAsBefore() {
    assertThatThrownBy(() -> new ChannelMessagingActivities(api.client()).send(reply("demo", "4242", "Hola", "k:x")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());
    assertThat(telegram.calls).isEmpty();
  }
}
