package com.inmo.api.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.AccountFixtures;
import com.inmo.api.support.AccountFixtures.Account;
import com.inmo.api.support.AccountsApiTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

@AccountsApiTest
class BrokerAdminTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  AccountFixtures accounts;
  TestData data;
  WebTestClient root;
  WebTestClient internal;

  @BeforeEach
  void setUp() {
    accounts = new AccountFixtures(db, http);
    data = new TestData(db, jwt);
    Account superadmin = accounts.user(null, "SUPERADMIN");
    root = as(data.token(superadmin.id(), "SUPERADMIN", null));
    internal = InternalApi.client(internalServer);
  }

  @Test
  void aSuperadminCreatesReadsListsEditsAndDeactivatesABroker() {
    String slug = "acme-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", slug);
    body.put("name", "Corredora Acme");
    body.put("timeZone", "America/Bogota");
    body.put("personaName", "Valentina");
    body.put("personaTone", "formal");
    body.put("settings", Map.of(
        "zones", List.of("Chapinero", "Usaquén"),
        "businessHours", Map.of("days", Map.of("monday", List.of("08:30", "18:00"), "SATURDAY", List.of("09:00", "13:00"))),
        "thresholds", Map.of("coldMax", 15, "warmMax", 45, "hotMin", 45, "qualifiedMin", 70),
        "followUpCadence", List.of("PT15M", "P1D"),
        "callsPerLeadPerDay", 2, "callsPerLeadTotal", 4, "callRetryDelay", "PT3H",
        "notifyTelegramChatId", -1009876));

    Map<String, Object> created = root.post().uri("/api/v1/brokers").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange()
        .expectStatus().isCreated()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody();
    String id = created.get("id").toString();

    root.get().uri("/api/v1/brokers/{id}", id).exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$.slug").isEqualTo(slug)
        .jsonPath("$.timeZone").isEqualTo("America/Bogota")
        .jsonPath("$.personaName").isEqualTo("Valentina")
        .jsonPath("$.active").isEqualTo(true)
        .jsonPath("$.settings.zones[1]").isEqualTo("Usaquén")
        .jsonPath("$.settings.businessHours.alwaysOpen").isEqualTo(false)
        .jsonPath("$.settings.businessHours.days.MONDAY[0]").isEqualTo("08:30")
        .jsonPath("$.settings.businessHours.days.SATURDAY[1]").isEqualTo("13:00")
        .jsonPath("$.settings.businessHours.days.TUESDAY").doesNotExist()
        .jsonPath("$.settings.thresholds.qualifiedMin").isEqualTo(70)
        .jsonPath("$.settings.followUpCadence[1]").isEqualTo("PT24H")
        .jsonPath("$.settings.callsPerLeadTotal").isEqualTo(4)
        .jsonPath("$.settings.callRetryDelay").isEqualTo("PT3H")
        .jsonPath("$.settings.notifyTelegramChatId").isEqualTo(-1009876);
    // the worker reads the same thing
    internal.get().uri("/internal/v1/brokers/{slug}/config", slug).exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$.persona.name").isEqualTo("Valentina")
        .jsonPath("$.persona.tone").isEqualTo("formal")
        .jsonPath("$.persona.brokerName").isEqualTo("Corredora Acme")
        .jsonPath("$.businessHours.timeZone").isEqualTo("America/Bogota")
        .jsonPath("$.businessHours.days.MONDAY[0]").value(v -> assertThat(v.toString()).startsWith("08:30"))
        .jsonPath("$.thresholds.coldMax").isEqualTo(15)
        .jsonPath("$.followUpCadence[0]").isEqualTo("PT15M")
        .jsonPath("$.callsPerLeadPerDay").isEqualTo(2)
        .jsonPath("$.notifyTelegramChatId").isEqualTo(-1009876);

    root.get().uri("/api/v1/brokers").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[?(@.slug == '" + slug + "')].name").isEqualTo("Corredora Acme");

    root.put().uri("/api/v1/brokers/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "Acme Propiedades", "settings", Map.of("businessHours", Map.of("alwaysOpen", true))))
        .exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$.name").isEqualTo("Acme Propiedades")
        .jsonPath("$.personaName").isEqualTo("Valentina")
        .jsonPath("$.settings.businessHours.alwaysOpen").isEqualTo(true)
        // settings given replace the settings: the cadence is back to its default
        .jsonPath("$.settings.followUpCadence[0]").isEqualTo("PT10M");

    root.delete().uri("/api/v1/brokers/{id}", id).exchange().expectStatus().isNoContent();
    root.get().uri("/api/v1/brokers/{id}", id).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.active").isEqualTo(false);
    internal.get().uri("/internal/v1/brokers/{slug}/config", slug).exchange().expectStatus().isNotFound();
  }

  @Test
  void invalidSettingsAre400NamingEachProblem() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", "Not A Slug");
    body.put("name", "Mala");
    body.put("timeZone", "Mars/Olympus_Mons");
    body.put("settings", Map.of(
        "thresholds", Map.of("coldMax", 60, "warmMax", 40, "hotMin", 50, "qualifiedMin", 75),
        "followUpCadence", List.of("PT10M", "tomorrow"),
        "businessHours", Map.of("days", Map.of("MONDAY", List.of("19:00", "09:00"))),
        "callsPerLeadPerDay", 9, "callsPerLeadTotal", 3));

    root.post().uri("/api/v1/brokers").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString())
            .contains("slug:")
            .contains("timeZone: 'Mars/Olympus_Mons' is not a time zone")
            .contains("settings.thresholds: score thresholds must rise")
            .contains("'tomorrow' is not an ISO-8601 duration")
            .contains("settings.businessHours.days.MONDAY: opens at 19:00 but closes at 09:00")
            .contains("callsPerLeadPerDay: cannot exceed callsPerLeadTotal"));
    assertThat(data.count("SELECT count(*) FROM brokers WHERE name = 'Mala'", Map.of())).isZero();
  }

  @Test
  void aTakenSlugIs409() {
    TestData.TestBroker existing = data.broker();
    root.post().uri("/api/v1/brokers").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("slug", existing.slug(), "name", "Copia")).exchange()
        .expectStatus().isEqualTo(409);
  }

  @Test
  void anAdminUpdatesTheirOwnSettingsAndTheWorkersConfigFollows() {
    TestData.TestBroker broker = data.broker();
    Account admin = accounts.user(broker.id(), "ADMIN");
    WebTestClient client = as(data.token(admin.id(), "ADMIN", broker.id()));
    data.execute("UPDATE brokers SET settings = CAST(:s AS jsonb) WHERE id = :id",
        Map.of("s", "{\"zones\": [\"Centro\"], \"somethingElse\": {\"kept\": true}}", "id", broker.id()));

    client.get().uri("/api/v1/brokers/current").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.id").isEqualTo(broker.id().toString()).jsonPath("$.settings.zones[0]").isEqualTo("Centro");

    client.put().uri("/api/v1/brokers/current").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("personaName", "Camila", "personaTone", "cálido", "timeZone", "America/Lima",
            "settings", Map.of(
                "zones", List.of("Miraflores", "San Isidro"),
                "businessHours", Map.of("days", Map.of("FRIDAY", List.of("10:00", "16:00"))),
                "thresholds", Map.of("coldMax", 10, "warmMax", 30, "hotMin", 40, "qualifiedMin", 90),
                "followUpCadence", List.of("PT30M", "PT48H"),
                "callsPerLeadPerDay", 1, "callsPerLeadTotal", 2, "callRetryDelay", "PT6H",
                "notifyTelegramChatId", -100555)))
        .exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.personaName").isEqualTo("Camila");

    internal.get().uri("/internal/v1/brokers/{slug}/config", broker.slug()).exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$.persona.name").isEqualTo("Camila")
        .jsonPath("$.persona.tone").isEqualTo("cálido")
        .jsonPath("$.persona.zones[1]").isEqualTo("San Isidro")
        .jsonPath("$.businessHours.timeZone").isEqualTo("America/Lima")
        .jsonPath("$.businessHours.days.FRIDAY[1]").value(v -> assertThat(v.toString()).startsWith("16:00"))
        .jsonPath("$.businessHours.days.MONDAY").doesNotExist()
        .jsonPath("$.thresholds.hotMin").isEqualTo(40)
        .jsonPath("$.thresholds.qualifiedMin").isEqualTo(90)
        .jsonPath("$.followUpCadence.length()").isEqualTo(2)
        .jsonPath("$.followUpCadence[1]").isEqualTo("PT48H")
        .jsonPath("$.callsPerLeadPerDay").isEqualTo(1)
        .jsonPath("$.callsPerLeadTotal").isEqualTo(2)
        .jsonPath("$.callRetryDelay").isEqualTo("PT6H")
        .jsonPath("$.notifyTelegramChatId").isEqualTo(-100555);
    // a key the form does not own survives the edit
    assertThat(data.count("SELECT count(*) FROM brokers WHERE id = :id AND settings->'somethingElse'->>'kept' = 'true'",
        Map.of("id", broker.id()))).isEqualTo(1);
    // the admin reaches the same broker by its id; an invalid edit changes nothing
    client.put().uri("/api/v1/brokers/{id}", broker.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("settings", Map.of("thresholds", Map.of("coldMax", 50, "warmMax", 40, "hotMin", 60,
            "qualifiedMin", 70)))).exchange()
        .expectStatus().isBadRequest();
    internal.get().uri("/internal/v1/brokers/{slug}/config", broker.slug()).exchange()
        .expectBody().jsonPath("$.thresholds.qualifiedMin").isEqualTo(90);
  }

  @Test
  void anAdminNeitherSeesNorTouchesAnotherBrokerNorManagesBrokers() {
    TestData.TestBroker mine = data.broker();
    TestData.TestBroker theirs = data.broker();
    Account admin = accounts.user(mine.id(), "ADMIN");
    WebTestClient client = as(data.token(admin.id(), "ADMIN", mine.id()));

    client.get().uri("/api/v1/brokers/{id}", theirs.id()).exchange().expectStatus().isNotFound();
    client.put().uri("/api/v1/brokers/{id}", theirs.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "Tomada")).exchange().expectStatus().isNotFound();
    client.delete().uri("/api/v1/brokers/{id}", theirs.id()).exchange().expectStatus().isForbidden();
    client.get().uri("/api/v1/brokers").exchange().expectStatus().isForbidden();
    client.post().uri("/api/v1/brokers").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("slug", "propia-" + UUID.randomUUID().toString().substring(0, 6), "name", "Propia"))
        .exchange().expectStatus().isForbidden();
    assertThat(data.count("SELECT count(*) FROM brokers WHERE id = :id AND name <> 'Tomada'", Map.of("id", theirs.id())))
        .isEqualTo(1);

    client.get().uri("/api/v1/brokers/{id}", mine.id()).exchange().expectStatus().isOk();
    // nor the slug, nor whether it runs
    client.put().uri("/api/v1/brokers/current").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("slug", "otro-slug")).exchange().expectStatus().isEqualTo(409);
    client.put().uri("/api/v1/brokers/current").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("active", false)).exchange().expectStatus().isForbidden();
    // an agent does not manage the broker at all
    Account agent = accounts.user(mine.id(), "AGENT");
    as(data.token(agent.id(), "AGENT", mine.id())).get().uri("/api/v1/brokers/current").exchange()
        .expectStatus().isForbidden();
  }

  private WebTestClient as(String token) {
    return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
  }
}
