package com.inmo.api.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The anonymous web chat's budgets: sessions a client address may open in an hour, and messages a session
 * may post in a minute (small numbers here; buckets of this context's own in Redis).
 */
@ApiIntegrationTest
@TestPropertySource(properties = {"inmo.webchat.sessions-per-hour=3", "inmo.webchat.messages-per-minute=2",
    "inmo.rate-limit.key-prefix=inmo-test:webchat-limits:${random.uuid}:"})
class WebchatLimitsTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  WebchatSessions sessions;
  TestData data;
  TestData.TestBroker broker;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    broker = data.broker();
  }

  @Test
  void anAddressOpensAFewSessionsAnHourThen429WithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      http.post().uri("/api/v1/webchat/{slug}/sessions", broker.slug()).exchange().expectStatus().isCreated();
    }

    http.post().uri("/api/v1/webchat/{slug}/sessions", broker.slug()).exchange()
        .expectStatus().isEqualTo(429)
        // one session back every 60 / 3 = 20 minutes
        .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 1200L))
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.status").isEqualTo(429)
        .jsonPath("$.detail").value(d -> assertThat((String) d).contains("web chat sessions"));
    assertThat(data.count("SELECT count(*) FROM webchat_sessions WHERE broker_id = :b", Map.of("b", broker.id())))
        .as("a refused session is not created").isEqualTo(3);
  }

  @Test
  void aSessionPostsAFewMessagesAMinuteThen429() {
    String session = sessions.create(broker.id()).block();
    String other = sessions.create(broker.id()).block();

    post(session, "hola").expectStatus().isAccepted();
    post(session, "busco depto").expectStatus().isAccepted();
    post(session, "en Ñuñoa").expectStatus().isEqualTo(429)
        .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 30L))
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("messages"));
    // another session has its own budget
    post(other, "hola").expectStatus().isAccepted();
  }

  @Test
  void anUnknownSessionIsStill404NotALimit() {
    for (int i = 0; i < 4; i++) {
      post("x".repeat(43), "hola").expectStatus().isNotFound();
    }
  }

  private WebTestClient.ResponseSpec post(String session, String text) {
    return http.post().uri("/api/v1/webchat/{slug}/messages", broker.slug()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("sessionId", session, "text", text)).exchange();
  }
}
