package com.inmo.api.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A broker's own bot: connected by its admin (stored sealed), served on {@code /webhooks/telegram/{slug}}
 * with its own secret, its token given to the worker on the internal endpoint only.
 */
@DefaultBotContext
class BrokerTelegramTest {

  static final String BOT_TOKEN = "7100000042:AAFbrokerOwnBotKey_0123456789abcdefgh";
  static final String BOT_SECRET = "broker-secret_0123456789";

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  WorkflowClient temporal;
  TestData data;
  TestData.TestBroker broker;
  String admin;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    broker = data.broker();
    admin = data.token(data.user(broker, "ADMIN"), "ADMIN", broker.id());
  }

  private WebTestClient.ResponseSpec connect(String bearer, String slug, Map<String, Object> body) {
    return http.put().uri("/api/v1/brokers/{slug}/telegram", slug).header("Authorization", "Bearer " + bearer)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  private static Map<String, Object> bot(String token, String secret, Long notifyChatId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", token);
    body.put("webhookSecret", secret);
    if (notifyChatId != null) {
      body.put("notifyChatId", notifyChatId);
    }
    return body;
  }

  private WebTestClient.ResponseSpec webhook(String slug, String secret, String body) {
    return http.post().uri("/webhooks/telegram/{slug}", slug).contentType(MediaType.APPLICATION_JSON)
        .header(TelegramWebhookController.SECRET_HEADER, secret)
        .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
  }

  @Test
  void theAdminConnectsTheBotAndItIsStoredSealed() {
    connect(admin, broker.slug(), bot(BOT_TOKEN, BOT_SECRET, -1001234567890L))
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.connected").isEqualTo(true)
        .jsonPath("$.botId").isEqualTo("7100000042")
        .jsonPath("$.notifyChatId").isEqualTo(-1001234567890L)
        .jsonPath("$.webhookPath").isEqualTo("/webhooks/telegram/" + broker.slug())
        .jsonPath("$.token").doesNotExist()
        .jsonPath("$.webhookSecret").doesNotExist();

    Map<String, Object> row = db.sql("SELECT token_ciphertext, secret_ciphertext FROM broker_telegram WHERE broker_id = :b")
        .bind("b", broker.id()).fetch().one().block();
    byte[] token = bytes(row.get("token_ciphertext"));
    byte[] secret = bytes(row.get("secret_ciphertext"));
    assertThat(new String(token, StandardCharsets.ISO_8859_1)).doesNotContain(BOT_TOKEN).doesNotContain("AAFbroker");
    assertThat(new String(secret, StandardCharsets.ISO_8859_1)).doesNotContain(BOT_SECRET).doesNotContain("broker-secret");
    // AES-GCM: version byte, 12-byte nonce, the text, a 16-byte tag
    assertThat(secret).hasSize(1 + 12 + BOT_SECRET.length() + 16);

    String shown = http.get().uri("/api/v1/brokers/{slug}/telegram", broker.slug())
        .header("Authorization", "Bearer " + admin).exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(shown).contains("\"connected\":true").doesNotContain(BOT_TOKEN).doesNotContain("AAFbroker")
        .doesNotContain(BOT_SECRET);
  }

  private static byte[] bytes(Object bytea) {
    java.nio.ByteBuffer buffer = ((java.nio.ByteBuffer) bytea).duplicate();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  @Test
  void theBrokersWebhookTakesItsOwnSecretOnlyAndStartsItsLeads() {
    connect(admin, broker.slug(), bot(BOT_TOKEN, BOT_SECRET, null)).expectStatus().isOk();
    long chat = Updates.chatId();
    String body = Updates.text(Updates.updateId(), chat, 5, "Hola, vi su aviso");
    String workflowId = LeadWorkflowIds.telegram(broker.slug(), chat);

    webhook(broker.slug(), DefaultBotContext.SECRET, body).expectStatus().isUnauthorized();
    http.post().uri("/webhooks/telegram").contentType(MediaType.APPLICATION_JSON)
        .header(TelegramWebhookController.SECRET_HEADER, BOT_SECRET).bodyValue(body).exchange()
        .expectStatus().isUnauthorized();
    assertThat(LeadHistory.exists(temporal, workflowId)).isFalse();

    webhook(broker.slug().toUpperCase(), BOT_SECRET, body).expectStatus().isOk();

    assertThat(LeadHistory.start(temporal, workflowId).brokerSlug()).isEqualTo(broker.slug());
    InboundMessage m = LeadHistory.onlyInbound(temporal, workflowId);
    assertThat(m.messageId()).isEqualTo("tg-5");
    assertThat(m.text()).isEqualTo("Hola, vi su aviso");
    assertThat(LeadHistory.exists(temporal, LeadWorkflowIds.telegram("demo", chat))).isFalse();
  }

  @Test
  void aBrokerWithoutABotIs401LikeAnUnknownOne() {
    long chat = Updates.chatId();

    webhook(broker.slug(), BOT_SECRET, Updates.text(Updates.updateId(), chat, 1, "hola")).expectStatus().isUnauthorized();
    assertThat(LeadHistory.exists(temporal, LeadWorkflowIds.telegram(broker.slug(), chat))).isFalse();
  }

  @Test
  void reconnectingReplacesTheSecretAtOnce() {
    connect(admin, broker.slug(), bot(BOT_TOKEN, BOT_SECRET, null)).expectStatus().isOk();
    webhook(broker.slug(), BOT_SECRET, Updates.text(Updates.updateId(), Updates.chatId(), 1, "hola")).expectStatus().isOk();

    connect(admin, broker.slug(), bot(BOT_TOKEN, BOT_SECRET + "-rotated", null)).expectStatus().isOk();

    webhook(broker.slug(), BOT_SECRET, Updates.text(Updates.updateId(), Updates.chatId(), 2, "hola"))
        .expectStatus().isUnauthorized();
    webhook(broker.slug(), BOT_SECRET + "-rotated", Updates.text(Updates.updateId(), Updates.chatId(), 3, "hola"))
        .expectStatus().isOk();
  }

  @Test
  void onlyTheBrokersAdminOrASuperadminManagesTheBot() {
    TestData.TestBroker other = data.broker();
    String otherAdmin = data.token(data.user(other, "ADMIN"), "ADMIN", other.id());
    String agent = data.token(data.user(broker, "AGENT"), "AGENT", broker.id());
    String superadmin = data.token(data.superadmin(), "SUPERADMIN", null);

    connect(otherAdmin, broker.slug(), bot(BOT_TOKEN, BOT_SECRET, null)).expectStatus().isNotFound();
    connect(agent, broker.slug(), bot(BOT_TOKEN, BOT_SECRET, null)).expectStatus().isForbidden();
    http.get().uri("/api/v1/brokers/{slug}/telegram", broker.slug()).header("Authorization", "Bearer " + otherAdmin)
        .exchange().expectStatus().isNotFound();
    http.put().uri("/api/v1/brokers/{slug}/telegram", broker.slug()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(bot(BOT_TOKEN, BOT_SECRET, null)).exchange().expectStatus().isUnauthorized();
    connect(superadmin, "no-such-broker", bot(BOT_TOKEN, BOT_SECRET, null)).expectStatus().isNotFound();
    http.get().uri("/api/v1/brokers/{slug}/telegram", broker.slug()).header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isOk().expectBody().json("{\"connected\": false}", true);

    connect(superadmin, broker.slug(), bot(BOT_TOKEN, BOT_SECRET, null)).expectStatus().isOk();
    http.get().uri("/api/v1/brokers/{slug}/telegram", broker.slug()).header("Authorization", "Bearer " + admin)
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.connected").isEqualTo(true);
  }

  @Test
  void aMalformedTokenOrAWeakSecretIs400() {
    connect(admin, broker.slug(), bot("not-a-token", BOT_SECRET, null)).expectStatus().isBadRequest();
    connect(admin, broker.slug(), bot(BOT_TOKEN, "short", null)).expectStatus().isBadRequest();
    connect(admin, broker.slug(), bot(BOT_TOKEN, "has spaces in it, 0123456789", null)).expectStatus().isBadRequest();
    connect(admin, broker.slug(), bot(null, BOT_SECRET, null)).expectStatus().isBadRequest();
    assertThat(data.count("SELECT count(*) FROM broker_telegram WHERE broker_id = :b", Map.of("b", broker.id())))
        .isZero();
  }

  @Test
  void theWorkerGetsTheTokenAndTheNotificationChatOnTheInternalEndpoints() {
    WebTestClient internal = InternalApi.client(internalServer);
    internal.get().uri("/internal/v1/brokers/{slug}/telegram", broker.slug()).exchange().expectStatus().isNotFound();

    connect(admin, broker.slug(), bot(BOT_TOKEN, BOT_SECRET, -1009876543210L)).expectStatus().isOk();

    internal.get().uri("/internal/v1/brokers/{slug}/telegram", broker.slug()).exchange()
        .expectStatus().isOk().expectBody().json("{\"token\": \"" + BOT_TOKEN + "\"}", true);
    internal.get().uri("/internal/v1/brokers/demo/telegram").exchange()
        .expectStatus().isOk().expectBody().json("{\"token\": \"" + DefaultBotContext.TOKEN + "\"}", true);
    internal.get().uri("/internal/v1/brokers/no-such-broker/telegram").exchange().expectStatus().isNotFound();
    InternalApi.withoutToken(internalServer).get().uri("/internal/v1/brokers/{slug}/telegram", broker.slug()).exchange().expectStatus().isUnauthorized();
    internal.get().uri("/internal/v1/brokers/{slug}/config", broker.slug()).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.notifyTelegramChatId").isEqualTo(-1009876543210L);
  }

  @Test
  void theSentLedgerAnswersWhetherALeadHasAMessage() {
    WebTestClient internal = InternalApi.client(internalServer);
    String workflowId = LeadWorkflowIds.telegram(broker.slug(), Updates.chatId());
    UUID leadId = LeadWorkflowIds.leadId(workflowId);
    internal.put().uri("/internal/v1/leads/{id}", leadId).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, null, null, "NEW", 0, "COLD"))
        .exchange().expectStatus().isNoContent();
    internal.post().uri("/internal/v1/leads/{id}/messages", leadId).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.message(workflowId, "OUTBOUND", "AI", "out-7", "¡Hola! Soy Sofía"))
        .exchange().expectStatus().isCreated();

    internal.get().uri("/internal/v1/leads/{id}/messages/{ext}", leadId, "out-7").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.body").isEqualTo("¡Hola! Soy Sofía")
        .jsonPath("$.direction").isEqualTo("OUTBOUND")
        .jsonPath("$.id").isNotEmpty();
    internal.get().uri("/internal/v1/leads/{id}/messages/{ext}", leadId, "out-8").exchange().expectStatus().isNotFound();
    internal.get().uri("/internal/v1/leads/{id}/messages/{ext}", UUID.randomUUID(), "out-7").exchange()
        .expectStatus().isNotFound();
  }
}
