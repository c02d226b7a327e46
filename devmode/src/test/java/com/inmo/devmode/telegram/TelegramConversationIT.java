package com.inmo.devmode.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.devmode.DevModeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A Telegram lead's conversation through the running system (./inmo dev with a bot token, pointed at a
 * local Bot API): updates in (by webhook, then by long polling), the agent's replies out through the Bot
 * API, a retried update answered once, a forged secret refused.
 */
class TelegramConversationIT {

  static final String TOKEN = "123456:TEST-token";
  static final String SECRET = "s3cret-token-for-the-tests";
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void fromStartToABookedVisitByWebhook() throws Exception {
    try (BotApiServer bot = new BotApiServer();
         DevModeProcess dev = DevModeProcess.start("telegram-webhook.log", env -> {
           env.put("TELEGRAM_TOKEN", TOKEN);
           env.put("TELEGRAM_API_URL", bot.url());
           env.put("TELEGRAM_WEBHOOK_URL", "https://inmo.example/webhooks/telegram");
           env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
         })) {
      // registered right after start-up, in the background: "Inmo is up" may come first
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !bot.calls("setWebhook").isEmpty());
      assertThat(bot.calls("setWebhook").get(0).body().path("secret_token").asText()).isEqualTo(SECRET);
      long chat = 4242;
      Updates updates = new Updates(chat);

      assertThat(post(dev, updates.text("hola"), "forged-secret")).isEqualTo(401);
      String start = updates.text("/start campana-verano");
      for (int i = 0; i < 3; i++) {
        assertThat(post(dev, start, SECRET)).isEqualTo(200);
      }
      awaitSize(() -> bot.sentTo(chat), 1);
      // a retried update is answered once: still one reply a while later
      org.awaitility.Awaitility.await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
          .until(() -> bot.sentTo(chat).size() == 1);
      assertThat(bot.sentTo(chat).get(0)).contains("Sofía");

      say(dev, bot, updates, chat, "Me llamo Luz Mena, busco un departamento de 2 dormitorios en Providencia");
      say(dev, bot, updates, chat, "Mi presupuesto es de 4.000 UF y mi teléfono es +56 9 8765 4321");
      say(dev, bot, updates, chat, "Gano 3 millones al mes y no estoy en DICOM");
      say(dev, bot, updates, chat, "Quiero agendar una visita");
      say(dev, bot, updates, chat, "La primera");
      List<String> replies = bot.sentTo(chat);
      assertThat(replies.get(replies.size() - 1)).contains("agendada");
      assertThat(dev.leads("Luz")).contains("SCHEDULED").contains("campana-verano");
    }
  }

  @Test
  void longPollingDeliversTheSameConversation() throws Exception {
    try (BotApiServer bot = new BotApiServer();
         DevModeProcess dev = DevModeProcess.start("telegram-polling.log", env -> {
           env.put("TELEGRAM_TOKEN", TOKEN);
           env.put("TELEGRAM_API_URL", bot.url());
         })) {
      long chat = 5151;
      Updates updates = new Updates(chat);
      bot.updates.add(updates.text("/start"));
      awaitSize(() -> bot.sentTo(chat), 1);
      bot.updates.add(updates.text("Me llamo Iván Soto y busco casa en Ñuñoa"));
      awaitSize(() -> bot.sentTo(chat), 2);

      assertThat(bot.calls("deleteWebhook")).as("polling needs no webhook").isNotEmpty();
      assertThat(bot.sentTo(chat).get(1)).contains("Iván");
      assertThat(dev.leads("Soto")).contains("PROFILING");
    }
  }

  private void say(DevModeProcess dev, BotApiServer bot, Updates updates, long chat, String text) throws Exception {
    int before = bot.sentTo(chat).size();
    assertThat(post(dev, updates.text(text), SECRET)).isEqualTo(200);
    awaitSize(() -> bot.sentTo(chat), before + 1);
  }

  private int post(DevModeProcess dev, String update, String secret) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(dev.base() + "/webhooks/telegram"))
        .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", secret)
        .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static void awaitSize(Supplier<List<String>> list, int size) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (list.get().size() < size && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(list.get()).hasSizeGreaterThanOrEqualTo(size);
  }
}
