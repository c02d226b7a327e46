package com.inmo.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** The dashboard's live feed carries its own broker's events only. */
@ApiIntegrationTest
class DashboardEventsTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;

  @Test
  void anAdminReceivesTheirBrokersEventsAndNoOneElses() {
    TestData data = new TestData(db, jwt);
    TestData.TestBroker mine = data.broker();
    TestData.TestBroker theirs = data.broker();
    String token = data.token(data.user(mine, "ADMIN"), "ADMIN", mine.id());

    var events = http.get().uri("/api/v1/events").header("Authorization", "Bearer " + token)
        .accept(MediaType.TEXT_EVENT_STREAM).exchange()
        .expectStatus().isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
        .getResponseBody()
        .filter(e -> e.event() != null);

    StepVerifier.create(events)
        .then(() -> {
          notify(theirs, "para la otra corredora");
          notify(mine, "Lead caliente: Ana");
        })
        .assertNext(e -> {
          assertThat(e.event()).isEqualTo("notification");
          assertThat(e.data()).containsEntry("type", "notification").containsEntry("brokerSlug", mine.slug());
          assertThat(e.data().get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
              .containsEntry("text", "Lead caliente: Ana");
        })
        .thenCancel()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void theFeedNeedsAToken() {
    http.get().uri("/api/v1/events").accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isUnauthorized();
  }

  private void notify(TestData.TestBroker broker, String text) {
    InternalApi.client(internalServer).post().uri("/internal/v1/notifications").header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("brokerSlug", broker.slug(), "kind", "HOT_LEAD", "text", text,
            "key", "k-" + java.util.UUID.randomUUID()))
        .exchange().expectStatus().isCreated();
  }
}
