package com.inmo.api.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /auth/login} and {@code GET /auth/me}, the paths the old dashboard used. */
@RestController
public class AuthController {

  private final UserAccounts accounts;
  private final PasswordEncoder passwords;
  private final JwtEncoder jwt;
  private final Duration ttl;

  public AuthController(UserAccounts accounts, PasswordEncoder passwords, JwtEncoder jwt,
                        @Value("${inmo.jwt.access-token-ttl:60m}") Duration ttl) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.jwt = jwt;
    this.ttl = ttl;
  }

  @PostMapping("/auth/login")
  public Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
    return accounts.findByEmail(request.email().trim())
        .filter(UserAccount::active)
        // bcrypt is deliberately slow: keep it off the event loop
        .filterWhen(user -> Mono.fromCallable(() -> passwords.matches(request.password(), user.passwordHash()))
            .subscribeOn(Schedulers.boundedElastic()))
        .map(this::issue)
        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Incorrect e-mail or password")));
  }

  @GetMapping("/auth/me")
  public Mono<Me> me(@AuthenticationPrincipal Jwt token) {
    return accounts.findById(UUID.fromString(token.getSubject()))
        .filter(UserAccount::active)
        .map(user -> new Me(user.id(), user.email(), user.fullName(), user.role(), user.brokerId()))
        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "The account no longer exists")));
  }

  private TokenResponse issue(UserAccount user) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .issuer("inmo")
        .subject(user.id().toString())
        .issuedAt(now)
        .expiresAt(now.plus(ttl))
        .claim("email", user.email())
        .claim("role", user.role().name());
    if (user.brokerId() != null) {
      claims.claim("broker_id", user.brokerId().toString());
    }
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
    String token = jwt.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    return new TokenResponse(token, "bearer", ttl.toSeconds());
  }

  public record LoginRequest(@NotBlank String email, @NotBlank String password) {
  }

  public record TokenResponse(@com.fasterxml.jackson.annotation.JsonProperty("access_token") String accessToken,
                              @com.fasterxml.jackson.annotation.JsonProperty("token_type") String tokenType,
                              @com.fasterxml.jackson.annotation.JsonProperty("expires_in") long expiresIn) {
  }

  public record Me(UUID id, String email, @com.fasterxml.jackson.annotation.JsonProperty("full_name") String fullName,
                   Role role, @com.fasterxml.jackson.annotation.JsonProperty("broker_id") UUID brokerId) {
  }
}
