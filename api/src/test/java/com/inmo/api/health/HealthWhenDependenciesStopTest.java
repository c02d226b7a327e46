package com.inmo.api.health;

import com.inmo.api.support.StoppableServers;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.embedded.RedisServer;

/**
 * Each dependency really stops (its own server, started for this test) and {@code /health} says which:
 * 503 "unhealthy" naming the failing check, and healthy again once Redis is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=inmo-api", "inmo.health.check-timeout=1500ms"})
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthWhenDependenciesStopTest {

  static final EmbeddedPostgres POSTGRES;
  static final int REDIS_PORT = StoppableServers.freePort();
  static RedisServer redis;
  static final int TEMPORAL_PORT = StoppableServers.freePort();
  static final TestServer.PortBoundTestServer TEMPORAL;

  static {
    try {
      POSTGRES = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(Files.createTempDirectory("inmo-health-pg").toFile())
          .setPort(StoppableServers.freePort()).start();
      redis = StoppableServers.startRedis(REDIS_PORT);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    TEMPORAL = TestServer.createPortBoundServer(TEMPORAL_PORT, true);
  }

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + POSTGRES.getPort() + "/postgres");
    registry.add("spring.r2dbc.username", () -> "postgres");
    registry.add("spring.flyway.url", () -> "jdbc:postgresql://127.0.0.1:" + POSTGRES.getPort() + "/postgres");
    registry.add("spring.flyway.user", () -> "postgres");
    registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
    registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + TEMPORAL_PORT);
  }

  @Autowired
  WebTestClient http;
  @Autowired
  org.springframework.r2dbc.core.DatabaseClient db;
  @Autowired
  org.springframework.security.oauth2.jwt.JwtEncoder jwt;
  static String superadmin;

  @Test
  @Order(1)
  void healthyWhileAllThreeRun() {
    http.get().uri("/health").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("healthy");
    com.inmo.api.support.TestData data = new com.inmo.api.support.TestData(db, jwt);
    superadmin = data.token(data.superadmin(), "SUPERADMIN", null);
  }

  @Test
  @Order(2)
  void redisStopped() throws IOException {
    redis.stop();

    http.get().uri("/health").exchange().expectStatus().isEqualTo(503)
        .expectBody()
        .jsonPath("$.status").isEqualTo("unhealthy")
        .jsonPath("$.checks.redis").isEqualTo("down")
        .jsonPath("$.checks.database").isEqualTo("up")
        .jsonPath("$.checks.temporal").isEqualTo("up")
        // the raw error (addresses, driver messages) is for operators only
        .jsonPath("$.errors").doesNotExist();
    http.get().uri("/health").header("Authorization", "Bearer " + superadmin).exchange()
        .expectStatus().isEqualTo(503)
        .expectBody().jsonPath("$.errors.redis").exists();

    redis = StoppableServers.startRedis(REDIS_PORT);
    // the client reconnects with a backoff of its own
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
        http.get().uri("/health").exchange().expectStatus().isOk());
  }

  @Test
  @Order(3)
  void temporalStopped() {
    TEMPORAL.close();

    http.get().uri("/health").exchange().expectStatus().isEqualTo(503)
        .expectBody()
        .jsonPath("$.checks.temporal").isEqualTo("down")
        .jsonPath("$.checks.database").isEqualTo("up")
        .jsonPath("$.checks.redis").isEqualTo("up");
  }

  @Test
  @Order(4)
  void databaseStopped() throws IOException {
    POSTGRES.close();

    http.get().uri("/health").exchange().expectStatus().isEqualTo(503)
        .expectBody()
        .jsonPath("$.status").isEqualTo("unhealthy")
        .jsonPath("$.checks.database").isEqualTo("down")
        .jsonPath("$.errors").doesNotExist();
  }

  @AfterAll
  static void stopWhatIsLeft() throws IOException {
    redis.stop();
  }
}
