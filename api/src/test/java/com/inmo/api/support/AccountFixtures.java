package com.inmo.api.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Users with real passwords, and logins from an address of their own (see {@link AccountsApiTest}). */
public final class AccountFixtures {

  public static final String PASSWORD = "Prueba#2026";
  /** bcrypt at its lowest cost: the tests log in often, and any cost verifies the same. */
  private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

  private final DatabaseClient db;
  private final WebTestClient http;

  public AccountFixtures(DatabaseClient db, WebTestClient http) {
    this.db = db;
    this.http = http;
  }

  public record Account(UUID id, String email, UUID brokerId, String role) {
  }

  /** A user who logs in with {@link #PASSWORD}; {@code brokerId} null for a superadmin. */
  public Account user(UUID brokerId, String role) {
    UUID id = UUID.randomUUID();
    String email = role.toLowerCase() + "-" + id.toString().substring(0, 8) + "@test.inmo.cl";
    var spec = db.sql("INSERT INTO users (id, broker_id, email, password_hash, full_name, role) "
            + "VALUES (:id, :b, :email, :hash, :name, :role)")
        .bind("id", id).bind("email", email).bind("hash", HASH).bind("name", "Prueba " + role).bind("role", role);
    spec = brokerId == null ? spec.bindNull("b", UUID.class) : spec.bind("b", brokerId);
    spec.fetch().rowsUpdated().block();
    return new Account(id, email, brokerId, role);
  }

  /** A client address nobody else uses. */
  public static String address() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  public WebTestClient.ResponseSpec login(String email, String password, String address) {
    return http.post().uri("/auth/login").header("X-Forwarded-For", address)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", password))
        .exchange();
  }

  /** Logs in (from a fresh address) and answers the token response. */
  public Map<String, Object> tokens(String email, String password) {
    return login(email, password, address()).expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
        .returnResult().getResponseBody();
  }

  public WebTestClient.ResponseSpec refresh(Object refreshToken) {
    return http.post().uri("/auth/refresh").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", refreshToken))
        .exchange();
  }
}
