package com.inmo.activities.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramBotsTest {

  private final InternalApiFake api = new InternalApiFake();
  private Instant now = Instant.parse("2026-12-01T13:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theDefaultBrokerUsesTelegramTokenWithoutAskingTheApi() {
    TelegramBots bots = new TelegramBots(api.client(), "demo", "111:env", clock);

    assertThat(bots.requireToken("demo")).isEqualTo("111:env");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void anotherBrokersTokenIsAskedOnceAndKeptFiveMinutes() {
    api.botTokens.put("acme", "222:acme");
    TelegramBots bots = new TelegramBots(api.client(), "demo", "111:env", clock);

    assertThat(bots.tokenFor("acme")).contains("222:acme");
    now = now.plus(Duration.ofMinutes(4));
    api.botTokens.put("acme", "222:rotated");
    assertThat(bots.tokenFor("acme")).contains("222:acme");
    assertThat(api.requestsTo("GET /internal/v1/brokers/acme/telegram")).isEqualTo(1);

    now = now.plus(Duration.ofMinutes(2));
    assertThat(bots.tokenFor("acme")).contains("222:rotated");
    assertThat(api.requestsTo("GET /internal/v1/brokers/acme/telegram")).isEqualTo(2);
  }

  @Test
  void notConnectedIsKeptTooAndForgettingAsksAgain() {
    TelegramBots bots = new TelegramBots(api.client(), "demo", "111:env", clock);

    assertThat(bots.tokenFor("acme")).isEqualTo(Optional.empty());
    api.botTokens.put("acme", "222:acme");
    assertThat(bots.tokenFor("acme")).isEmpty();
    bots.forget("acme");
    assertThat(bots.tokenFor("acme")).contains("222:acme");
  }

  @Test
  void withoutTelegramTokenTheDefaultBrokerIsLikeAnyOther() {
    TelegramBots bots = new TelegramBots(api.client(), "demo", "", clock);

    assertThatThrownBy(() -> bots.requireToken("demo"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).isEqualTo("Telegram is not connected for broker demo");
        });
    assertThat(api.requestsTo("GET /internal/v1/brokers/demo/telegram")).isEqualTo(1);
  }

  @Test
  void aTokenTelegramRefusesIsAskedForAgain() {
    api.botTokens.put("acme", "222:revoked");
    BotApiStub telegram = new BotApiStub();
    try (TelegramClients clients = new TelegramClients(telegram.url())) {
      TelegramBots bots = new TelegramBots(api.client(), "demo", "111:env", clock);
      TelegramTeamNotifier notifier = new TelegramTeamNotifier(bots, clients, new ChatPacer(Duration.ZERO));
      telegram.failNext("sendMessage", 401, "Unauthorized", null);

      assertThatThrownBy(() -> notifier.send("acme", -100L, "Hola"))
          .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());
      api.botTokens.put("acme", "222:new");
      notifier.send("acme", -100L, "Hola");

      assertThat(telegram.calls).extracting(BotApiStub.Call::token).containsExactly("222:revoked", "222:new");
    } finally {
      telegram.close();
    }
  }
}
