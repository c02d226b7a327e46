package com.inmo.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** A dashboard reconnecting with {@code Last-Event-ID} gets what it missed (its own scope only), then the live feed. */
@ApiIntegrationTest
class EventReplayTest {

  static final Duration WAIT = Duration.ofSeconds(10);

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  EventBus bus;
  TestData data;
  TestData.TestBroker mine;
  TestData.TestBroker theirs;
  String admin;

  @BeforeEach
  void setUp() {
    data = new TestData(db, jwt);
    mine = data.broker();
    theirs = data.broker();
    admin = data.token(data.user(mine, "ADMIN"), "ADMIN", mine.id());
  }

  static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE = new ParameterizedTypeReference<>() {
  };

  Flux<ServerSentEvent<Map<String, Object>>> stream(String token, String lastEventId) {
    WebTestClient.RequestHeadersSpec<?> request = http.get().uri("/api/v1/events")
        .header("Authorization", "Bearer " + token).accept(MediaType.TEXT_EVENT_STREAM);
    if (lastEventId != null) {
      request = request.header("Last-Event-ID", lastEventId);
    }
    return request.exchange().expectStatus().isOk().returnResult(SSE).getResponseBody()
        .filter(e -> e.event() != null);
  }

  void notify(TestData.TestBroker broker, String text) {
    bus.publish(LiveEvent.NOTIFICATION, broker.slug(), null, null, Map.of("text", text)).block(WAIT);
  }

  @SuppressWarnings("unchecked")
  static String text(ServerSentEvent<Map<String, Object>> e) {
    return String.valueOf(((Map<String, Object>) e.data().get("data")).get("text"));
  }

  @Test
  void missedEventsAreReplayedInOrderThenTheFeedGoesOnLive() {
    List<String> ids = new ArrayList<>();
    StepVerifier.create(stream(admin, null).take(2))
        .then(() -> {
          notify(mine, "uno");
          notify(mine, "dos");
        })
        .assertNext(e -> ids.add(e.id()))
        .assertNext(e -> ids.add(e.id()))
        .expectComplete()
        .verify(WAIT);
    // disconnected meanwhile
    notify(mine, "tres");
    notify(theirs, "ajena");
    notify(mine, "cuatro");

    List<String> seen = new ArrayList<>();
    StepVerifier.create(stream(admin, ids.get(0)).take(4))
        .assertNext(e -> seen.add(text(e) + "@" + e.id()))
        .assertNext(e -> seen.add(text(e) + "@" + e.id()))
        .assertNext(e -> seen.add(text(e) + "@" + e.id()))
        .then(() -> notify(mine, "cinco"))
        .assertNext(e -> {
          assertThat(e.event()).isEqualTo("notification");
          seen.add(text(e) + "@" + e.id());
        })
        .expectComplete()
        .verify(WAIT);
    assertThat(seen).extracting(s -> s.substring(0, s.indexOf('@'))).containsExactly("dos", "tres", "cuatro", "cinco");
    assertThat(seen.get(0)).endsWith("@" + ids.get(1));
    List<String> order = seen.stream().map(s -> s.substring(s.indexOf('@') + 1)).toList();
    for (int i = 1; i < order.size(); i++) {
      assertThat(EventIds.isAfter(order.get(i), EventIds.parse(order.get(i - 1)))).as("ids grow").isTrue();
    }
  }

  @Test
  void aLastEventIdTheLogCannotVouchForStartsWithResync() {
    for (String stale : List.of("1-0", "not-an-id", "abc")) {
      StepVerifier.create(stream(admin, stale).take(2))
          .assertNext(e -> assertThat(e.event()).isEqualTo("resync"))
          .then(() -> notify(mine, "después"))
          .assertNext(e -> assertThat(text(e)).isEqualTo("después"))
          .expectComplete()
          .verify(WAIT);
    }
  }

  @Test
  void anAgentsReplayHoldsOnlyTheirLeadsEvents() {
    UUID agent = data.user(mine, "AGENT");
    UUID theirLead = UUID.randomUUID();
    UUID colleaguesLead = UUID.randomUUID();
    for (UUID lead : List.of(theirLead, colleaguesLead)) {
      data.execute("INSERT INTO leads (id, broker_id, workflow_id, channel) VALUES (:id, :b, :w, 'WEBCHAT')",
          Map.of("id", lead, "b", mine.id(), "w", "lead-replay-" + lead));
    }
    data.assign(theirLead, agent);
    String token = data.token(agent, "AGENT", mine.id());
    List<String> first = new ArrayList<>();
    StepVerifier.create(stream(token, null).take(1))
        .then(() -> bus.publish(LiveEvent.MESSAGE, mine.slug(), theirLead, "w", Map.of("text", "primero")).block(WAIT))
        .assertNext(e -> first.add(e.id()))
        .expectComplete()
        .verify(WAIT);
    bus.publish(LiveEvent.MESSAGE, mine.slug(), colleaguesLead, "w", Map.of("text", "del colega")).block(WAIT);
    bus.publish(LiveEvent.NOTIFICATION, mine.slug(), null, null, Map.of("text", "de la corredora")).block(WAIT);
    bus.publish(LiveEvent.MESSAGE, mine.slug(), theirLead, "w", Map.of("text", "suyo")).block(WAIT);

    StepVerifier.create(stream(token, first.get(0)).take(2))
        .assertNext(e -> assertThat(text(e)).isEqualTo("suyo"))
        .then(() -> {
          bus.publish(LiveEvent.MESSAGE, mine.slug(), colleaguesLead, "w", Map.of("text", "del colega 2")).block(WAIT);
          bus.publish(LiveEvent.MESSAGE, mine.slug(), theirLead, "w", Map.of("text", "en vivo")).block(WAIT);
        })
        .assertNext(e -> assertThat(text(e)).isEqualTo("en vivo"))
        .expectComplete()
        .verify(WAIT);
  }
}
