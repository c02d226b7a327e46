package com.inmo.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.seed.DemoSeeder;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiIntegrationTest
class HealthAndLoginTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;

  @Test
  void healthyWhenDatabaseRedisAndTemporalAnswer() {
    http.get().uri("/health").exchange()
        .expectStatus().isOk()
        .expectBody().json("""
            {"status": "healthy", "checks": {"database": "up", "redis": "up", "temporal": "up"}}""", true);
  }

  @Test
  void theSeededAdminLogsInAndSeesWhoTheyAre() {
    Map<String, Object> token = http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", DemoSeeder.ADMIN_EMAIL.toUpperCase(), "password", DemoSeeder.PASSWORD))
        .exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody();

    assertThat(token).containsEntry("token_type", "bearer").containsEntry("expires_in", 3600);
    http.get().uri("/auth/me").header("Authorization", "Bearer " + token.get("access_token"))
        .exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.email").isEqualTo(DemoSeeder.ADMIN_EMAIL)
        .jsonPath("$.role").isEqualTo("ADMIN")
        .jsonPath("$.broker_id").isEqualTo(DemoSeeder.BROKER_ID.toString());
  }

  @Test
  void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
    http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", DemoSeeder.ADMIN_EMAIL, "password", "nope"))
        .exchange()
        .expectStatus().isUnauthorized();
    http.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", "nobody@nowhere.cl", "password", "nope"))
        .exchange()
        .expectStatus().isUnauthorized();
  }

  @Test
  void aTamperedOrMissingTokenIsUnauthorized() {
    http.get().uri("/auth/me").exchange().expectStatus().isUnauthorized();
    http.get().uri("/auth/me").header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.forged")
        .exchange().expectStatus().isUnauthorized();
  }

  @Test
  void internalEndpointsTakeOnlyTheSharedToken() {
    WebTestClient worker = InternalApi.withoutToken(internalServer);
    worker.get().uri("/internal/v1/schema").exchange().expectStatus().isUnauthorized();
    worker.get().uri("/internal/v1/schema").header("X-Internal-Token", "wrong").exchange()
        .expectStatus().isUnauthorized();
    worker.get().uri("/internal/v1/schema").header("X-Internal-Token", "test-internal-token").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.current").isEqualTo(com.inmo.api.schema.SchemaVersion.KNOWN)
        .jsonPath("$.known").isEqualTo(com.inmo.api.schema.SchemaVersion.KNOWN);
  }
}
