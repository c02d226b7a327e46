package com.inmo.api.telegram;

import com.inmo.api.support.StoppableServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.embedded.RedisServer;

/**
 * The webhook against dependencies that really fail (servers of its own): Temporal not there → 503, and
 * Telegram's retry succeeds once it is; Redis down → every copy passes the edge but carries the same
 * message id for the workflow to drop; the database down → the default bot still works, a broker's bot
 * works from memory, and one never read answers 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=inmo-api", "inmo.internal-api-token=test-internal-token",
        "inmo.telegram.token=", "inmo.telegram.webhook-url=",
        "inmo.telegram.webhook-secret=" + TelegramWhenDependenciesFailTest.SECRET,
        "inmo.telegram.default-broker=" + TelegramWhenDependenciesFailTest.DEFAULT_BROKER,
        "inmo.gateway.signal-timeout=3s",
        // read a broker's bot from the database on every call: the cache must serve only because it is down
        "inmo.telegram.broker-bot-cache-ttl=0s"})
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelegramWhenDependenciesFailTest {

  static final String SECRET = "outage-secret_0123456789";
  static final String DEFAULT_BROKER = "acme";
  static final String BROKER_SECRET = "broker-outage-secret_0123";
  static final EmbeddedPostgres POSTGRES;
  static final int REDIS_PORT = StoppableServers.freePort();
  static final int TEMPORAL_PORT = StoppableServers.freePort();
  static RedisServer redis;
  static TestServer.PortBoundTestServer temporalServer;
  static TestData.TestBroker cached;
  static TestData.TestBroker neverRead;

  static {
    try {
      POSTGRES = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(Files.createTempDirectory("inmo-telegram-pg").toFile())
          .setPort(StoppableServers.freePort()).start();
      redis = StoppableServers.startRedis(REDIS_PORT);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + POSTGRES.getPort() + "/postgres");
    registry.add("spring.r2dbc.username", () -> "postgres");
    registry.add("spring.flyway.url", () -> "jdbc:postgresql://127.0.0.1:" + POSTGRES.getPort() + "/postgres");
    registry.add("spring.flyway.user", () -> "postgres");
    registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
    // nothing listens there until the first test starts the server
    registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + TEMPORAL_PORT);
  }

  @Autowired
  WebTestClient http;
  @Autowired
  WorkflowClient temporal;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  BrokerBots bots;

  private WebTestClient.ResponseSpec post(String path, String secret, String body) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
        .header(TelegramWebhookController.SECRET_HEADER, secret)
        .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
  }

  @Test
  @Order(1)
  void temporalDownIs503AndTelegramsRetrySucceedsOnceItIsBack() {
    long chat = Updates.chatId();
    String body = Updates.text(Updates.updateId(), chat, 101, "hola, ¿siguen disponibles?");

    post("/webhooks/telegram", SECRET, body).expectStatus().isEqualTo(503);

    temporalServer = TestServer.createPortBoundServer(TEMPORAL_PORT, true);
    // Telegram retries with growing pauses; the gRPC channel reconnects within a few seconds
    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() ->
        post("/webhooks/telegram", SECRET, body).returnResult(Void.class).getStatus().value() == 200);

    List<InboundMessage> inbound = LeadHistory.inbound(temporal, LeadWorkflowIds.telegram(DEFAULT_BROKER, chat));
    assertThat(inbound).isNotEmpty().allSatisfy(m -> {
      assertThat(m.messageId()).isEqualTo("tg-101");
      assertThat(m.text()).isEqualTo("hola, ¿siguen disponibles?");
    });
    // now remembered at the edge: one more retry signals nothing
    int signals = inbound.size();
    post("/webhooks/telegram", SECRET, body).expectStatus().isOk();
    assertThat(LeadHistory.inbound(temporal, LeadWorkflowIds.telegram(DEFAULT_BROKER, chat))).hasSize(signals);
  }

  @Test
  @Order(2)
  void brokersBotsAreConnectedWhileTheDatabaseRuns() {
    TestData data = new TestData(db, jwt);
    cached = data.broker();
    neverRead = data.broker();
    String admin = data.token(data.user(cached, "ADMIN"), "ADMIN", cached.id());
    http.put().uri("/api/v1/brokers/{slug}/telegram", cached.slug()).header("Authorization", "Bearer " + admin)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("token", "7200000001:AAGoutageBotKey_0123456789abcdefghi", "webhookSecret", BROKER_SECRET))
        .exchange().expectStatus().isOk();
    // as another replica would have saved it: this one never read it
    bots.save(neverRead.id(), neverRead.slug(), "7200000002:AAGoutageBotKey_0123456789abcdefghi", BROKER_SECRET, null)
        .block();
    long chat = Updates.chatId();

    post("/webhooks/telegram/" + cached.slug(), BROKER_SECRET, Updates.text(Updates.updateId(), chat, 1, "hola"))
        .expectStatus().isOk();

    assertThat(LeadHistory.inbound(temporal, LeadWorkflowIds.telegram(cached.slug(), chat))).hasSize(1);
  }

  @Test
  @Order(3)
  void redisDownLetsEveryCopyThroughWithTheSameMessageIdForTheWorkflowToDrop() throws IOException {
    redis.stop();
    try {
      long chat = Updates.chatId();
      String body = Updates.text(Updates.updateId(), chat, 201, "quiero agendar una visita");

      post("/webhooks/telegram", SECRET, body).expectStatus().isOk();
      post("/webhooks/telegram", SECRET, body).expectStatus().isOk();

      List<InboundMessage> inbound = LeadHistory.inbound(temporal, LeadWorkflowIds.telegram(DEFAULT_BROKER, chat));
      assertThat(inbound).hasSize(2);
      assertThat(inbound.get(0)).isEqualTo(inbound.get(1));
      assertThat(inbound.get(0).messageId()).isEqualTo("tg-201");
    } finally {
      redis = StoppableServers.startRedis(REDIS_PORT);
    }
  }

  @Test
  @Order(4)
  void databaseDownTheDefaultBotWorksAndABrokersBotFromMemory() throws IOException {
    POSTGRES.close();
    long chat = Updates.chatId();
    long other = Updates.chatId();

    post("/webhooks/telegram", SECRET, Updates.text(Updates.updateId(), chat, 301, "hola")).expectStatus().isOk();
    post("/webhooks/telegram/" + cached.slug(), BROKER_SECRET, Updates.text(Updates.updateId(), other, 302, "hola"))
        .expectStatus().isOk();
    post("/webhooks/telegram/" + cached.slug(), SECRET, Updates.text(Updates.updateId(), other, 303, "forged"))
        .expectStatus().isUnauthorized();
    post("/webhooks/telegram/" + neverRead.slug(), BROKER_SECRET, Updates.text(Updates.updateId(), other, 304, "hola"))
        .expectStatus().isEqualTo(503);

    assertThat(LeadHistory.onlyInbound(temporal, LeadWorkflowIds.telegram(DEFAULT_BROKER, chat)).messageId())
        .isEqualTo("tg-301");
    assertThat(LeadHistory.onlyInbound(temporal, LeadWorkflowIds.telegram(cached.slug(), other)).messageId())
        .isEqualTo("tg-302");
    assertThat(LeadHistory.exists(temporal, LeadWorkflowIds.telegram(neverRead.slug(), other))).isFalse();
  }

  @AfterAll
  static void stopWhatIsLeft() throws IOException {
    redis.stop();
    if (temporalServer != null) {
      temporalServer.close();
    }
  }
}
