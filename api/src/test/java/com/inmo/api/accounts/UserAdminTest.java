package com.inmo.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.AccountFixtures;
import com.inmo.api.support.AccountFixtures.Account;
import com.inmo.api.support.AccountsApiTest;
import com.inmo.api.support.TestData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
class UserAdminTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  AccountFixtures accounts;
  TestData data;
  TestData.TestBroker broker;
  Account admin;
  String adminToken;

  @BeforeEach
  void setUp() {
    accounts = new AccountFixtures(db, http);
    data = new TestData(db, jwt);
    broker = data.broker();
    admin = accounts.user(broker.id(), "ADMIN");
    adminToken = data.token(admin.id(), "ADMIN", broker.id());
  }

  @Test
  void anAdminCreatesAnAgentWhoThenLogsIn() {
    String email = "Nueva.Agente-" + UUID.randomUUID().toString().substring(0, 6) + "@Corredora.cl";
    Map<String, Object> created = as(adminToken).post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(newUser(email, "AGENT", "Visitas#2026"))
        .exchange()
        .expectStatus().isCreated()
        .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/api/v1/users/"))
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody();

    assertThat(created).containsEntry("email", email).containsEntry("role", "AGENT").containsEntry("active", true)
        .containsEntry("brokerId", broker.id().toString()).doesNotContainKey("passwordHash");
    accounts.login(email.toLowerCase(), "Visitas#2026", AccountFixtures.address()).expectStatus().isOk();
    // the same e-mail again, whatever its case
    as(adminToken).post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(newUser(email.toUpperCase(), "AGENT", "Visitas#2026"))
        .exchange().expectStatus().isEqualTo(409);
  }

  @Test
  void aPasswordBreakingTheRulesIs400NamingTheRule() {
    Map<String, String> cases = Map.of(
        "Ab#1x", "at least 8 characters",
        "Sinnumero#", "must contain a digit",
        "Sinsimbolo1", "must contain a symbol");
    cases.forEach((password, rule) -> as(adminToken).post().uri("/api/v1/users")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(newUser("x-" + UUID.randomUUID() + "@test.inmo.cl", "AGENT", password))
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains(rule)));

    Account agent = accounts.user(broker.id(), "AGENT");
    as(adminToken).put().uri("/api/v1/users/{id}/password", agent.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("password", "corta1#")).exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("at least 8 characters"));
  }

  @Test
  void theListHoldsOnlyTheAdminsBroker() {
    Account agent = accounts.user(broker.id(), "AGENT");
    Account stranger = accounts.user(data.broker().id(), "AGENT");

    List<Map<String, Object>> users = as(adminToken).get().uri("/api/v1/users").exchange()
        .expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
        .returnResult().getResponseBody();

    assertThat(users).extracting(u -> u.get("id"))
        .containsExactlyInAnyOrder(admin.id().toString(), agent.id().toString())
        .doesNotContain(stranger.id().toString());
  }

  @Test
  void anAdminRenamesPromotesAndDeactivatesAndTheDeactivatedCannotLogIn() {
    Account agent = accounts.user(broker.id(), "AGENT");
    Map<String, Object> refresh = accounts.tokens(agent.email(), AccountFixtures.PASSWORD);

    as(adminToken).patch().uri("/api/v1/users/{id}", agent.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("fullName", "Ana Pérez", "role", "ADMIN")).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.fullName").isEqualTo("Ana Pérez").jsonPath("$.role").isEqualTo("ADMIN")
        .jsonPath("$.active").isEqualTo(true);
    as(adminToken).patch().uri("/api/v1/users/{id}", agent.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("active", false)).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.fullName").isEqualTo("Ana Pérez");

    accounts.login(agent.email(), AccountFixtures.PASSWORD, AccountFixtures.address()).expectStatus().isUnauthorized();
    accounts.refresh(refresh.get("refresh_token")).expectStatus().isUnauthorized();
    // an unknown role is a bad request, not a server error
    as(adminToken).patch().uri("/api/v1/users/{id}", agent.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("role", "OWNER")).exchange().expectStatus().isBadRequest();
    as(adminToken).patch().uri("/api/v1/users/{id}", agent.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("role", "SUPERADMIN")).exchange().expectStatus().isBadRequest();
  }

  @Test
  void aPasswordResetReplacesThePasswordAndEndsTheSessions() {
    Account agent = accounts.user(broker.id(), "AGENT");
    Map<String, Object> session = accounts.tokens(agent.email(), AccountFixtures.PASSWORD);

    as(adminToken).put().uri("/api/v1/users/{id}/password", agent.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("password", "Nueva#clave9")).exchange()
        .expectStatus().isNoContent();

    accounts.login(agent.email(), AccountFixtures.PASSWORD, AccountFixtures.address()).expectStatus().isUnauthorized();
    accounts.login(agent.email(), "Nueva#clave9", AccountFixtures.address()).expectStatus().isOk();
    accounts.refresh(session.get("refresh_token")).expectStatus().isUnauthorized();
  }

  @Test
  void anAdminCannotDemoteOrDeactivateThemself() {
    as(adminToken).patch().uri("/api/v1/users/{id}", admin.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("role", "AGENT")).exchange().expectStatus().isEqualTo(409);
    as(adminToken).patch().uri("/api/v1/users/{id}", admin.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("active", false)).exchange().expectStatus().isEqualTo(409);
    as(adminToken).delete().uri("/api/v1/users/{id}", admin.id()).exchange().expectStatus().isEqualTo(409);
    // renaming themself is fine
    as(adminToken).patch().uri("/api/v1/users/{id}", admin.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("fullName", "Jefa")).exchange().expectStatus().isOk();
    assertThat(data.count("SELECT count(*) FROM users WHERE id = :id AND role = 'ADMIN' AND active",
        Map.of("id", admin.id()))).isEqualTo(1);
  }

  @Test
  void anotherBrokersUserIs404OnEveryUserEndpointAndUntouched() {
    TestData.TestBroker other = data.broker();
    Account stranger = accounts.user(other.id(), "AGENT");
    WebTestClient client = as(adminToken);
    List<Function<WebTestClient, WebTestClient.ResponseSpec>> calls = List.of(
        c -> c.get().uri("/api/v1/users/{id}", stranger.id()).exchange(),
        c -> c.patch().uri("/api/v1/users/{id}", stranger.id()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("fullName", "Hackeada", "active", false)).exchange(),
        c -> c.put().uri("/api/v1/users/{id}/password", stranger.id()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("password", "Robada#2026")).exchange(),
        c -> c.delete().uri("/api/v1/users/{id}", stranger.id()).exchange(),
        c -> c.get().uri("/api/v1/users?brokerId={b}", other.id()).exchange(),
        c -> c.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(withBroker(newUser("intrusa-" + UUID.randomUUID() + "@test.inmo.cl", "ADMIN", "Intrusa#2026"),
                other.id())).exchange());
    for (var call : calls) {
      call.apply(client).expectStatus().isNotFound()
          .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    assertThat(data.count("SELECT count(*) FROM users WHERE id = :id AND active AND full_name <> 'Hackeada'",
        Map.of("id", stranger.id()))).isEqualTo(1);
    accounts.login(stranger.email(), AccountFixtures.PASSWORD, AccountFixtures.address()).expectStatus().isOk();
    assertThat(data.count("SELECT count(*) FROM users WHERE broker_id = :b", Map.of("b", other.id()))).isEqualTo(1);
    // an unknown id answers the same
    client.get().uri("/api/v1/users/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
  }

  @Test
  void aSuperadminsIdIs404ToAnAdminOnEveryUserEndpoint() {
    Account root = accounts.user(null, "SUPERADMIN");
    WebTestClient client = as(adminToken);
    List<Function<WebTestClient, WebTestClient.ResponseSpec>> calls = List.of(
        c -> c.get().uri("/api/v1/users/{id}", root.id()).exchange(),
        c -> c.patch().uri("/api/v1/users/{id}", root.id()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("role", "AGENT")).exchange(),
        c -> c.put().uri("/api/v1/users/{id}/password", root.id()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("password", "Robada#2026")).exchange(),
        c -> c.delete().uri("/api/v1/users/{id}", root.id()).exchange());
    for (var call : calls) {
      call.apply(client).expectStatus().isNotFound()
          .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(data.count("SELECT count(*) FROM users WHERE id = :id AND active AND role = 'SUPERADMIN'",
        Map.of("id", root.id()))).isEqualTo(1);
  }

  @Test
  void anAgentManagesNoOne() {
    Account agent = accounts.user(broker.id(), "AGENT");
    WebTestClient client = as(data.token(agent.id(), "AGENT", broker.id()));

    client.get().uri("/api/v1/users").exchange().expectStatus().isForbidden();
    client.get().uri("/api/v1/users/{id}", admin.id()).exchange().expectStatus().isForbidden();
    client.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(newUser("x-" + UUID.randomUUID() + "@test.inmo.cl", "ADMIN", "Escalada#2026"))
        .exchange().expectStatus().isForbidden();
    client.patch().uri("/api/v1/users/{id}", agent.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("role", "ADMIN")).exchange().expectStatus().isForbidden();
  }

  @Test
  void aSuperadminManagesTheUsersOfAnyBroker() {
    Account root = accounts.user(null, "SUPERADMIN");
    WebTestClient client = as(data.token(root.id(), "SUPERADMIN", null));
    String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@test.inmo.cl";

    String id = client.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(withBroker(newUser(email, "ADMIN", "Primera#2026"), broker.id()))
        .exchange().expectStatus().isCreated()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody().get("id").toString();
    client.get().uri("/api/v1/users?brokerId={b}", broker.id()).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[?(@.id == '" + id + "')].email").isEqualTo(email)
        .jsonPath("$.length()").isEqualTo(2);
    client.patch().uri("/api/v1/users/{id}", admin.id()).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("active", false)).exchange().expectStatus().isOk();
    // a superadmin must say which broker
    client.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(newUser("y-" + UUID.randomUUID() + "@test.inmo.cl", "ADMIN", "Primera#2026"))
        .exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("brokerId"));
    // superadmins are not managed here
    client.get().uri("/api/v1/users/{id}", root.id()).exchange().expectStatus().isNotFound();
  }

  private WebTestClient as(String token) {
    return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
  }

  private static Map<String, Object> newUser(String email, String role, String password) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", email);
    body.put("fullName", "Usuaria Nueva");
    body.put("role", role);
    body.put("password", password);
    return body;
  }

  private static Map<String, Object> withBroker(Map<String, Object> body, UUID brokerId) {
    body.put("brokerId", brokerId.toString());
    return body;
  }
}
