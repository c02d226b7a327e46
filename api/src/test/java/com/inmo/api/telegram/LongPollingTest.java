package com.inmo.api.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A token but no webhook URL: the api deletes any webhook, then long-polls the stub's getUpdates and hands
 * each update to the lead's workflow exactly as the webhook would, confirming it (the next offset) after.
 */
@ApiIntegrationTest
@ContextConfiguration(initializers = LongPollingTest.Stub.class)
class LongPollingTest {

  static final String TOKEN = "7000000077:AAEpollingBotKey_0123456789abcdefghij";

  static final class Stub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final BotApiStub BOT_API = new BotApiStub(TOKEN);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("telegramPollingStub", Map.of(
          "inmo.telegram.token", TOKEN,
          "inmo.telegram.webhook-url", "",
          "inmo.telegram.webhook-secret", "",
          "inmo.telegram.api-url", BOT_API.url(),
          "inmo.telegram.default-broker", "demo")));
    }
  }

  @Autowired
  WorkflowClient temporal;
  @Autowired
  WebTestClient http;
  @Autowired
  org.springframework.r2dbc.core.DatabaseClient db;
  @Autowired
  org.springframework.security.oauth2.jwt.JwtEncoder jwt;

  @Test
  void updatesFetchedByLongPollingReachTheLeadsWorkflowsAndAreConfirmed() throws Exception {
    BotApiStub stub = Stub.BOT_API;
    long chat = Updates.chatId();
    long group = -Updates.chatId();
    int first = Updates.updateId() / 2;
    stub.enqueue(Updates.start(first, chat, 1, "feria-2026"));
    stub.enqueue(Updates.text(first + 1, chat, 2, "Busco casa en La Florida"));
    stub.enqueue(Updates.groupText(first + 2, group, "group", chat, "hola a todos"));
    stub.enqueue(Updates.contact(first + 3, chat, 3, "+56 9 8765 4321"));
    String workflowId = LeadWorkflowIds.telegram("demo", chat);

    await().atMost(Duration.ofSeconds(15)).until(() -> LeadHistory.exists(temporal, workflowId)
        && LeadHistory.inbound(temporal, workflowId).size() == 3);

    List<InboundMessage> all = LeadHistory.inbound(temporal, workflowId);
    assertThat(all).extracting(InboundMessage::kind).containsExactly(com.inmo.workflows.lead.MessageKind.START, com.inmo.workflows.lead.MessageKind.TEXT, com.inmo.workflows.lead.MessageKind.CONTACT);
    assertThat(all).extracting(InboundMessage::messageId).containsExactly("tg-1", "tg-2", "tg-3");
    assertThat(all.get(2).provided().phone()).isEqualTo("+56987654321");
    assertThat(LeadHistory.start(temporal, workflowId).source()).isEqualTo("feria-2026");
    assertThat(LeadHistory.exists(temporal, LeadWorkflowIds.telegram("demo", group))).isFalse();

    // the next poll confirms them all: Telegram forgets confirmed updates
    await().atMost(Duration.ofSeconds(10)).until(() -> stub.pendingCount() == 0);
    ObjectMapper json = new ObjectMapper();
    assertThat(stub.calls("getUpdates")).anySatisfy(call ->
        assertThat(json.readTree(call.body()).path("offset").asLong()).isEqualTo(first + 4));
    assertThat(json.readTree(stub.calls("getUpdates").get(0).body()).path("timeout").asInt()).isEqualTo(25);
    assertThat(json.readTree(stub.calls("getUpdates").get(0).body()).path("allowed_updates").toString())
        .isEqualTo("[\"message\",\"edited_message\",\"my_chat_member\"]");
    // getUpdates only works without a webhook: it was deleted first
    assertThat(stub.calls.get(0).method()).isEqualTo("deleteWebhook");
    assertThat(stub.calls("setWebhook")).isEmpty();
  }

  @Test
  void healthShowsThePollingLoop() {
    await().atMost(Duration.ofSeconds(10)).until(() -> !Stub.BOT_API.calls("getUpdates").isEmpty());

    com.inmo.api.support.TestData data = new com.inmo.api.support.TestData(db, jwt);
    String superadmin = data.token(data.superadmin(), "SUPERADMIN", null);

    http.get().uri("/health").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.details").doesNotExist();
    http.get().uri("/health").header("Authorization", "Bearer " + superadmin).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.details.telegram.mode").isEqualTo("polling")
        .jsonPath("$.details.telegram.running").isEqualTo(true);
  }
}
