package com.inmo.api.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.inmo.api.support.TestData;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.util.retry.Retry;

/**
 * With a webhook URL the api registers the webhook at start (against the stub) and shows Telegram's
 * {@code getWebhookInfo} in {@code /health} details, without Telegram's state ever deciding the status.
 */
@DefaultBotContext
class WebhookRegistrationTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;

  @AfterEach
  void restoreStub() {
    DefaultBotContext.Stub.BOT_API.failWebhookInfo = false;
    DefaultBotContext.Stub.BOT_API.lastErrorMessage = null;
  }

  @Test
  void theWebhookIsSetAtStartWithTheSecretAndTheUpdatesWeRead() {
    BotApiStub stub = DefaultBotContext.Stub.BOT_API;
    await().atMost(Duration.ofSeconds(10)).until(() -> !stub.calls("setWebhook").isEmpty());

    String body = stub.calls("setWebhook").get(0).body();
    assertThat(BotApiStub.multipartField(body, "url")).isEqualTo(DefaultBotContext.WEBHOOK_URL);
    assertThat(BotApiStub.multipartField(body, "secret_token")).isEqualTo(DefaultBotContext.SECRET);
    assertThat(BotApiStub.multipartField(body, "allowed_updates"))
        .isEqualTo("[\"message\",\"edited_message\",\"my_chat_member\"]");
    assertThat(stub.calls("deleteWebhook")).as("webhook mode never polls").isEmpty();
    assertThat(stub.calls("getUpdates")).isEmpty();
  }

  @Test
  void healthShowsWhatTelegramSaysOfTheWebhook() {
    BotApiStub stub = DefaultBotContext.Stub.BOT_API;
    await().atMost(Duration.ofSeconds(10)).until(() -> !stub.calls("setWebhook").isEmpty());
    stub.lastErrorMessage = "Wrong response from the webhook: 503 Service Unavailable";
    TestData data = new TestData(db, jwt);
    // the default bot belongs to the default broker: its admin sees it
    String demoAdmin = data.token(data.user(demoBroker(), "ADMIN"), "ADMIN", demoBroker().id());

    http.get().uri("/health").header("Authorization", "Bearer " + demoAdmin).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("healthy")
        .jsonPath("$.checks.telegram").doesNotExist()
        .jsonPath("$.details.telegram.mode").isEqualTo("webhook")
        .jsonPath("$.details.telegram.registered").isEqualTo(true)
        .jsonPath("$.details.telegram.url").isEqualTo(DefaultBotContext.WEBHOOK_URL)
        .jsonPath("$.details.telegram.pending_update_count").isEqualTo(0)
        .jsonPath("$.details.telegram.last_error_message")
        .isEqualTo("Wrong response from the webhook: 503 Service Unavailable");
  }

  @Test
  void anonymousCallersAndOtherBrokersSeeOnlyTheStatusAndTheChecks() {
    BotApiStub stub = DefaultBotContext.Stub.BOT_API;
    await().atMost(Duration.ofSeconds(10)).until(() -> !stub.calls("setWebhook").isEmpty());
    TestData data = new TestData(db, jwt);
    TestData.TestBroker other = data.broker();
    String otherAdmin = data.token(data.user(other, "ADMIN"), "ADMIN", other.id());
    String demoAgent = data.token(data.user(demoBroker(), "AGENT"), "AGENT", demoBroker().id());

    for (String bearer : new String[] {null, otherAdmin, demoAgent}) {
      WebTestClient.RequestHeadersSpec<?> request = http.get().uri("/health");
      if (bearer != null) {
        request = request.header("Authorization", "Bearer " + bearer);
      }
      Map<String, Object> body = request.exchange().expectStatus().isOk()
          .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
          .returnResult().getResponseBody();
      assertThat(body).containsOnlyKeys("status", "checks");
    }
  }

  @Test
  void telegramFailingNeverMakesTheApiUnhealthy() {
    DefaultBotContext.Stub.BOT_API.failWebhookInfo = true;
    TestData data = new TestData(db, jwt);

    http.get().uri("/health").header("Authorization", "Bearer " + data.token(data.superadmin(), "SUPERADMIN", null))
        .exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("healthy")
        .jsonPath("$.details.telegram.mode").isEqualTo("webhook")
        .jsonPath("$.details.telegram.error").value(e -> assertThat(e.toString()).contains("Internal Server Error"));
  }

  private TestData.TestBroker demoBroker() {
    UUID id = db.sql("SELECT id FROM brokers WHERE slug = :slug").bind("slug", DefaultBotContext.DEFAULT_BROKER)
        .map((row, meta) -> row.get("id", UUID.class)).one().block();
    return new TestData.TestBroker(id, DefaultBotContext.DEFAULT_BROKER);
  }

  @Test
  void aRefusedRegistrationIsReportedAndDoesNotThrow() {
    BotApiStub refusing = new BotApiStub("another-token");
    try {
      TelegramProperties props = new TelegramProperties(DefaultBotContext.TOKEN, DefaultBotContext.WEBHOOK_URL,
          DefaultBotContext.SECRET, refusing.url(), "demo", null, null);
      WebhookRegistration registration = new WebhookRegistration(props, new BotApi(props));

      WebhookRegistration.State state = registration.register(Retry.backoff(2, Duration.ofMillis(10))).block();

      assertThat(state.registered()).isFalse();
      assertThat(state.error()).contains("401").contains("Unauthorized");
      assertThat(refusing.calls("setWebhook")).as("a 401 is not retried").hasSize(1);
    } finally {
      refusing.close();
    }
  }

  @Test
  void withoutASecretTheWebhookIsNotRegistered() {
    BotApiStub stub = new BotApiStub(DefaultBotContext.TOKEN);
    try {
      TelegramProperties props = new TelegramProperties(DefaultBotContext.TOKEN, DefaultBotContext.WEBHOOK_URL, "",
          stub.url(), "demo", null, null);

      WebhookRegistration.State state = new WebhookRegistration(props, new BotApi(props))
          .register(Retry.backoff(2, Duration.ofMillis(10))).block();

      assertThat(state.registered()).isFalse();
      assertThat(state.error()).contains("TELEGRAM_WEBHOOK_SECRET");
      assertThat(stub.calls("setWebhook")).isEmpty();
    } finally {
      stub.close();
    }
  }
}
