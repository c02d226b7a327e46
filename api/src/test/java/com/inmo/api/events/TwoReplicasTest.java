package com.inmo.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.ApiApplication;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * Two api replicas on one Redis and one database: a write through either reaches a dashboard connected to
 * the other, live and on reconnection. Replica A is the tests' context; B is a second application context.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasTest {

  static final Duration WAIT = Duration.ofSeconds(15);
  static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE = new ParameterizedTypeReference<>() {
  };

  @Autowired
  WebTestClient replicaA;
  @Autowired
  com.inmo.api.internal.InternalServer internalA;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwtA;
  ConfigurableApplicationContext contextB;
  WebTestClient replicaB;
  TestData.TestBroker broker;
  String tokenA;
  String tokenB;

  @BeforeAll
  void startReplicaB() {
    // as arguments: they must win over inmo-api.yml's defaults (builder properties would not)
    contextB = ApiApplication.builder(Map.of()).run("--server.port=0", "--spring.temporal.test-server.enabled=true",
        "--inmo.internal-api-token=" + TestData.INTERNAL_TOKEN, "--inmo.demo.seed=false");
    replicaB = WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + contextB.getEnvironment().getProperty("local.server.port"))
        .responseTimeout(WAIT).build();
    TestData data = new TestData(db, jwtA);
    broker = data.broker();
    UUID admin = data.user(broker, "ADMIN");
    // each replica signs with its own key here (no SECRET_KEY in tests): a token per replica
    tokenA = data.token(admin, "ADMIN", broker.id());
    tokenB = new TestData(db, contextB.getBean(JwtEncoder.class)).token(admin, "ADMIN", broker.id());
  }

  @AfterAll
  void stopReplicaB() {
    if (contextB != null) {
      contextB.close();
    }
  }

  private reactor.core.publisher.Flux<ServerSentEvent<Map<String, Object>>> stream(WebTestClient replica, String token,
                                                                                  String lastEventId) {
    WebTestClient.RequestHeadersSpec<?> request = replica.get().uri("/api/v1/events")
        .header("Authorization", "Bearer " + token).accept(MediaType.TEXT_EVENT_STREAM);
    if (lastEventId != null) {
      request = request.header("Last-Event-ID", lastEventId);
    }
    return request.exchange().expectStatus().isOk().returnResult(SSE).getResponseBody().filter(e -> e.event() != null);
  }

  private void notifyThrough(WebTestClient replica, String text) {
    // the worker's side of the replica: its internal port
    WebTestClient internal = com.inmo.api.support.InternalApi.client(replica == replicaA ? internalA
        : contextB.getBean(com.inmo.api.internal.InternalServer.class));
    internal.post().uri("/internal/v1/notifications")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("brokerSlug", broker.slug(), "kind", "HOT_LEAD", "text", text, "key", "k-" + UUID.randomUUID()))
        .exchange().expectStatus().isCreated();
  }

  @SuppressWarnings("unchecked")
  static String text(ServerSentEvent<Map<String, Object>> e) {
    return String.valueOf(((Map<String, Object>) e.data().get("data")).get("text"));
  }

  @Test
  void aWriteThroughOneReplicaReachesADashboardOnTheOther() {
    StepVerifier.create(stream(replicaB, tokenB, null).take(1))
        .then(() -> notifyThrough(replicaA, "escrito en A"))
        .assertNext(e -> assertThat(text(e)).isEqualTo("escrito en A"))
        .expectComplete()
        .verify(WAIT);
    StepVerifier.create(stream(replicaA, tokenA, null).take(1))
        .then(() -> notifyThrough(replicaB, "escrito en B"))
        .assertNext(e -> assertThat(text(e)).isEqualTo("escrito en B"))
        .expectComplete()
        .verify(WAIT);
  }

  @Test
  void aDashboardMovingToTheOtherReplicaGetsWhatItMissed() {
    String[] last = new String[1];
    StepVerifier.create(stream(replicaA, tokenA, null).take(1))
        .then(() -> notifyThrough(replicaA, "antes"))
        .assertNext(e -> last[0] = e.id())
        .expectComplete()
        .verify(WAIT);
    notifyThrough(replicaA, "mientras tanto");
    StepVerifier.create(stream(replicaB, tokenB, last[0]).take(1))
        .assertNext(e -> assertThat(text(e)).isEqualTo("mientras tanto"))
        .expectComplete()
        .verify(WAIT);
  }
}
