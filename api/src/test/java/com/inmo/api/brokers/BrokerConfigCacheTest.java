package com.inmo.api.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiIntegrationTest
class BrokerConfigCacheTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  ReactiveStringRedisTemplate redis;
  @Autowired
  BrokerConfigCache cache;

  @Test
  void settingsAreServedFromRedisUntilAChangeEvictsThem() {
    TestData data = new TestData(db, jwt);
    TestData.TestBroker broker = data.broker();

    persona(broker).isEqualTo("Sofía");
    assertThat(redis.hasKey(BrokerConfigCache.key(broker.slug())).block()).isTrue();

    // a change that bypasses the api's own update path is not seen until the cache lets go
    data.execute("UPDATE brokers SET persona_name = 'Valentina' WHERE id = :id", Map.of("id", broker.id()));
    persona(broker).isEqualTo("Sofía");
    cache.evict(broker.slug()).block();
    persona(broker).isEqualTo("Valentina");
  }

  private org.springframework.test.web.reactive.server.JsonPathAssertions persona(TestData.TestBroker broker) {
    return InternalApi.client(internalServer).get().uri("/internal/v1/brokers/" + broker.slug() + "/config")
        .header("X-Internal-Token", TestData.INTERNAL_TOKEN).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.persona.name");
  }
}
