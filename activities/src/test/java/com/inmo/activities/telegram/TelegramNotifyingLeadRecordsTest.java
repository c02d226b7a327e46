package com.inmo.activities.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.activities.leads.ApiLeadRecordActivities;
import com.inmo.workflows.activity.TeamNotification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Team notifications reach the broker's Telegram chat as well as the dashboard. */
class TelegramNotifyingLeadRecordsTest {

  private final BotApiStub telegram = new BotApiStub();
  private final InternalApiFake api = new InternalApiFake();
  private final TelegramClients clients = new TelegramClients(telegram.url());
  private final TelegramNotifyingLeadRecords records = new TelegramNotifyingLeadRecords(
      new ApiLeadRecordActivities(api.client()),
      new TelegramTeamNotifier(new TelegramBots(api.client(), "demo", TelegramSenderTest.DEMO_TOKEN), clients,
          new ChatPacer(Duration.ofMillis(10))));

  @AfterEach
  void stop() {
    clients.close();
    telegram.close();
    api.close();
  }

  private static TeamNotification hotLead(String broker, String key) {
    return new TeamNotification(broker, "HOT_LEAD", UUID.randomUUID(), "lead-" + broker + "-telegram-1",
        "Nuevo lead caliente: Ana, 3D en Ñuñoa", key);
  }

  @Test
  void aNotificationGoesToTheBrokersChatWithItsBot() {
    api.notifyChats.put("demo", -1001234L);

    records.notifyTeam(hotLead("demo", "n-1"));

    assertThat(api.notifications).extracting(TeamNotification::key).containsExactly("n-1");
    assertThat(telegram.calls).singleElement().satisfies(call -> {
      assertThat(call.token()).isEqualTo(TelegramSenderTest.DEMO_TOKEN);
      assertThat(call.method()).isEqualTo("sendMessage");
      assertThat(call.chatId()).isEqualTo("-1001234");
      assertThat(call.text()).isEqualTo("Nuevo lead caliente: Ana, 3D en Ñuñoa");
    });
  }

  @Test
  void withoutAChatIdOnlyTheDashboardIsTold() {
    records.notifyTeam(hotLead("demo", "n-2"));

    assertThat(api.notifications).hasSize(1);
    assertThat(telegram.calls).isEmpty();
  }

  @Test
  void aTelegramFailureDoesNotFailTheNotification() {
    api.notifyChats.put("demo", -1001234L);
    telegram.failNext("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat", null);

    records.notifyTeam(hotLead("demo", "n-3"));

    assertThat(api.notifications).extracting(TeamNotification::key).containsExactly("n-3");
    assertThat(telegram.calls).hasSize(1);
  }

  @Test
  void aBrokerWithoutABotStillGetsTheDashboardNotification() {
    api.notifyChats.put("acme", -55L);

    records.notifyTeam(hotLead("acme", "n-4"));

    assertThat(api.notifications).extracting(TeamNotification::key).containsExactly("n-4");
    assertThat(telegram.calls).isEmpty();
  }

  @Test
  void aRetriedNotificationIsPostedOnce() {
    api.notifyChats.put("demo", -1001234L);

    records.notifyTeam(hotLead("demo", "n-5"));
    records.notifyTeam(hotLead("demo", "n-5"));

    assertThat(telegram.sentTexts()).hasSize(1);
  }

  @Test
  void whenTheApiFailsNothingIsPostedAndTheActivityIsRetried() {
    api.notifyChats.put("demo", -1001234L);
    api.close();

    assertThatThrownBy(() -> records.notifyTeam(hotLead("demo", "n-6"))).isInstanceOf(RuntimeException.class);
    assertThat(telegram.calls).isEmpty();
  }
}
