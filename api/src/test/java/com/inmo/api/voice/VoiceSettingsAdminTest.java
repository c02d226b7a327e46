package com.inmo.api.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.AccountFixtures;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A broker's voice settings are set from the dashboard and reach the worker's voice profile and call budget. */
@ApiIntegrationTest
class VoiceSettingsAdminTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;

  @Test
  void callsPerBrokerPerHourAndCountryAreSettingsOfTheBroker() {
    TestData data = new TestData(db, jwt);
    AccountFixtures accounts = new AccountFixtures(db, http);
    String token = data.token(accounts.user(null, "SUPERADMIN").id(), "SUPERADMIN", null);
    WebTestClient root = http.mutate().defaultHeader("Authorization", "Bearer " + token).build();
    WebTestClient internal = InternalApi.client(internalServer);
    String slug = "v-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", slug);
    body.put("name", "Corredora Voz");
    body.put("timeZone", "America/Santiago");
    body.put("settings", Map.of("callsPerBrokerPerHour", 7, "country", "pe"));

    root.post().uri("/api/v1/brokers").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
        .expectStatus().isCreated().expectBody()
        .jsonPath("$.settings.callsPerBrokerPerHour").isEqualTo(7)
        .jsonPath("$.settings.country").isEqualTo("PE");
    internal.get().uri("/internal/v1/brokers/{slug}/voice", slug).exchange().expectBody()
        .jsonPath("$.region").isEqualTo("PE");

    // unset, they are the defaults: 20 an hour, the time zone's country
    String other = "v-" + UUID.randomUUID().toString().substring(0, 8);
    root.post().uri("/api/v1/brokers").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("slug", other, "name", "Otra", "timeZone", "America/Bogota")).exchange()
        .expectStatus().isCreated().expectBody()
        .jsonPath("$.settings.callsPerBrokerPerHour").isEqualTo(20)
        .jsonPath("$.settings.country").isEqualTo("CO");

    body.put("slug", "v-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("settings", Map.of("callsPerBrokerPerHour", 0, "country", "Narnia"));
    root.post().uri("/api/v1/brokers").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
        .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString())
            .contains("settings.callsPerBrokerPerHour: must be between 1 and 1000")
            .contains("settings.country: 'Narnia'"));
  }
}
