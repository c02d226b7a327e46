package com.inmo.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.AccountFixtures;
import com.inmo.api.support.AccountFixtures.Account;
import com.inmo.api.support.AccountsApiTest;
import com.inmo.api.support.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.reactive.server.WebTestClient;

@AccountsApiTest
class AuthFlowTest {

  @Autowired
  WebTestClient http;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  AccountFixtures accounts;
  TestData data;
  Account agent;

  @BeforeEach
  void setUp() {
    accounts = new AccountFixtures(db, http);
    data = new TestData(db, jwt);
    agent = accounts.user(data.broker().id(), "AGENT");
  }

  @Test
  void loginAnswersAnAccessTokenAndARefreshTokenStoredOnlyAsItsHash() {
    Map<String, Object> tokens = accounts.tokens(agent.email(), AccountFixtures.PASSWORD);

    assertThat(tokens).containsEntry("token_type", "bearer").containsEntry("expires_in", 3600)
        .containsKeys("access_token", "refresh_token");
    String refresh = (String) tokens.get("refresh_token");
    assertThat(refresh).hasSizeGreaterThanOrEqualTo(43);
    assertThat(data.count("SELECT count(*) FROM refresh_tokens WHERE user_id = :u AND token_hash = :h "
        + "AND expires_at > now() + interval '29 days'", Map.of("u", agent.id(), "h", RefreshTokens.hash(refresh))))
        .isEqualTo(1);
    assertThat(data.count("SELECT count(*) FROM refresh_tokens WHERE token_hash = :t", Map.of("t", refresh)))
        .isZero();
    me(tokens.get("access_token")).expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(agent.email());
  }

  @Test
  void refreshTradesTheTokenForANewPairAndTheNewAccessTokenWorks() {
    Map<String, Object> first = accounts.tokens(agent.email(), AccountFixtures.PASSWORD);

    Map<String, Object> second = refreshed(first.get("refresh_token"));

    assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
    assertThat(second).containsEntry("token_type", "bearer").containsKey("access_token");
    me(second.get("access_token")).expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("AGENT");
    // and the successor refreshes in turn
    refreshed(second.get("refresh_token"));
  }

  @Test
  void twoTabsRefreshingWithTheSameTokenWithinTheGraceBothGetAWorkingPair() {
    Map<String, Object> first = accounts.tokens(agent.email(), AccountFixtures.PASSWORD);

    Map<String, Object> tabA = refreshed(first.get("refresh_token"));
    Map<String, Object> tabB = refreshed(first.get("refresh_token"));

    for (Map<String, Object> tab : java.util.List.of(tabA, tabB)) {
      me(tab.get("access_token")).expectStatus().isOk();
      refreshed(tab.get("refresh_token"));
    }
    assertThat(data.count("SELECT count(*) FROM refresh_tokens WHERE user_id = :u AND revoked_at IS NOT NULL",
        Map.of("u", agent.id()))).as("no reuse detected").isZero();
  }

  @Test
  void reusingARotatedTokenAfterTheGraceRevokesTheWholeFamily() {
    Map<String, Object> first = accounts.tokens(agent.email(), AccountFixtures.PASSWORD);
    Map<String, Object> second = refreshed(first.get("refresh_token"));
    // the grace for two tabs refreshing at once (30 s) is over
    data.execute("UPDATE refresh_tokens SET rotated_at = rotated_at - interval '31 seconds' WHERE token_hash = :h",
        Map.of("h", RefreshTokens.hash((String) first.get("refresh_token"))));

    // the first token again: stolen, since its rightful holder already has the second
    accounts.refresh(first.get("refresh_token")).expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("already used"));
    // so the second dies with it
    accounts.refresh(second.get("refresh_token")).expectStatus().isUnauthorized();
    // another login is another family, untouched
    Map<String, Object> other = accounts.tokens(agent.email(), AccountFixtures.PASSWORD);
    refreshed(other.get("refresh_token"));
  }

  @Test
  void logoutRevokesTheSession() {
    Map<String, Object> tokens = accounts.tokens(agent.email(), AccountFixtures.PASSWORD);
    Map<String, Object> rotated = refreshed(tokens.get("refresh_token"));

    http.post().uri("/auth/logout").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", rotated.get("refresh_token")))
        .exchange().expectStatus().isNoContent();

    accounts.refresh(rotated.get("refresh_token")).expectStatus().isUnauthorized();
    // logging out twice, or with a token never issued, is not an error
    http.post().uri("/auth/logout").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", "never-issued")).exchange().expectStatus().isNoContent();
  }

  @Test
  void anUnknownOrExpiredRefreshTokenIsRefused() {
    accounts.refresh("not-a-token").expectStatus().isUnauthorized();
    Map<String, Object> tokens = accounts.tokens(agent.email(), AccountFixtures.PASSWORD);
    data.execute("UPDATE refresh_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = :u",
        Map.of("u", agent.id()));

    accounts.refresh(tokens.get("refresh_token")).expectStatus().isUnauthorized()
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("expired"));
  }

  @Test
  void aDeactivatedUserNeitherLogsInNorRefreshes() {
    Map<String, Object> tokens = accounts.tokens(agent.email(), AccountFixtures.PASSWORD);
    data.execute("UPDATE users SET active = false WHERE id = :u", Map.of("u", agent.id()));

    accounts.login(agent.email(), AccountFixtures.PASSWORD, AccountFixtures.address()).expectStatus().isUnauthorized();
    accounts.refresh(tokens.get("refresh_token")).expectStatus().isUnauthorized();
  }

  @Test
  void wrongPasswordsFromOneAddressCannotLockTheAccountOutForEveryoneElse() {
    String attacker = AccountFixtures.address();
    for (int i = 0; i < 5; i++) {
      accounts.login(agent.email(), "Wrong#pass" + i, attacker).expectStatus().isUnauthorized();
    }

    // the attacker's address is held back on this account, even with the right password
    accounts.login(agent.email(), AccountFixtures.PASSWORD, attacker)
        .expectStatus().isEqualTo(429)
        .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L))
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.status").isEqualTo(429)
        .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("Too many login attempts"));
    // the account's owner, from their own address, is not
    accounts.login(agent.email(), AccountFixtures.PASSWORD, AccountFixtures.address()).expectStatus().isOk();
  }

  @Test
  void theSixthLoginAttemptFromOneAddressInAMinuteIs429WhateverTheAccount() {
    String address = AccountFixtures.address();
    for (int i = 0; i < 5; i++) {
      accounts.login("nobody-" + UUID.randomUUID() + "@test.inmo.cl", "Wrong#pass1", address)
          .expectStatus().isUnauthorized();
    }

    accounts.login(agent.email(), AccountFixtures.PASSWORD, address)
        .expectStatus().isEqualTo(429)
        .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
    // the account itself was not spent: from another address it logs in
    accounts.login(agent.email(), AccountFixtures.PASSWORD, AccountFixtures.address()).expectStatus().isOk();
  }

  @Test
  void anExpiredOrTamperedAccessTokenIs401AsAProblem() {
    Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
    String expired = jwt.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
        JwtClaimsSet.builder().issuer("inmo").subject(agent.id().toString()).issuedAt(past)
            .expiresAt(past.plus(1, ChronoUnit.HOURS)).claim("role", "AGENT")
            .claim("broker_id", agent.brokerId().toString()).build())).getTokenValue();
    me(expired).expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"))
        .expectBody().jsonPath("$.status").isEqualTo(401)
        .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("expired"));

    String valid = data.token(agent.id(), "AGENT", agent.brokerId());
    String[] parts = valid.split("\\.");
    // the payload rewritten to claim a superadmin, the signature kept
    String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("{\"sub\":\"" + agent.id() + "\",\"role\":\"SUPERADMIN\",\"exp\":4102444800}").getBytes());
    me(parts[0] + "." + forgedPayload + "." + parts[2]).expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").isEqualTo("The access token is not valid");

    me(null).expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("Authentication required"));
  }

  private Map<String, Object> refreshed(Object refreshToken) {
    return accounts.refresh(refreshToken).expectStatus().isOk()
        .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody();
  }

  private WebTestClient.ResponseSpec me(Object accessToken) {
    var request = http.get().uri("/auth/me");
    if (accessToken != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
    }
    return request.exchange();
  }
}
