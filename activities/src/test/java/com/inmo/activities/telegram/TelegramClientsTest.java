package com.inmo.activities.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;

class TelegramClientsTest {

  @Test
  void theApiUrlBecomesTelegrambotsUrl() {
    assertThat(TelegramClients.telegramUrl("https://api.telegram.org"))
        .isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
    assertThat(TelegramClients.telegramUrl("")).isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
    assertThat(TelegramClients.telegramUrl("http://127.0.0.1:8081/"))
        .isEqualTo(new TelegramUrl("http", "127.0.0.1", 8081, false));
  }

  @Test
  void aUrlWithAPathOrNoSchemeIsRefusedAtStart() {
    assertThatThrownBy(() -> TelegramClients.telegramUrl("https://proxy.example/telegram"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot have a path");
    assertThatThrownBy(() -> TelegramClients.telegramUrl("api.telegram.org"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TELEGRAM_API_URL");
  }

  @Test
  void oneClientPerTokenTalkingToTheConfiguredServer() throws Exception {
    try (BotApiStub telegram = new BotApiStub(); TelegramClients clients = new TelegramClients(telegram.url())) {
      assertThat(clients.forToken("123:a")).isSameAs(clients.forToken("123:a")).isNotSameAs(clients.forToken("456:b"));

      User me = clients.forToken("123:a").execute(new GetMe());

      assertThat(me.getId()).isEqualTo(123L);
      assertThat(me.getUserName()).isEqualTo("inmo_test_bot");
      assertThat(telegram.calls).extracting(BotApiStub.Call::token, BotApiStub.Call::method)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("123:a", "getMe"));
    }
  }
}
