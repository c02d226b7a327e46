package com.inmo.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.web.ClientAddress;
import com.inmo.api.web.RateLimiter;
import com.inmo.api.web.TooManyRequests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /auth/login} and {@code GET /auth/me}, the paths the old dashboard used, and the refresh-token
 * flow: {@code POST /auth/refresh} trades a refresh token for a new pair, {@code POST /auth/logout} ends the
 * session. Login attempts are limited per client address, and per account from each address, in every environment.
 */
@RestController
public class AuthController {

  private final UserAccounts accounts;
  private final Brokers brokers;
  private final PasswordEncoder passwords;
  private final JwtEncoder jwt;
  private final RefreshTokens refreshTokens;
  private final RateLimiter limiter;
  private final ClientAddress addresses;
  private final Duration ttl;
  private final int loginPerMinute;
  /** Compared against when the e-mail is unknown, so both failures take bcrypt's time. */
  private final String decoyHash;

  public AuthController(UserAccounts accounts, Brokers brokers, PasswordEncoder passwords, JwtEncoder jwt,
                        RefreshTokens refreshTokens, RateLimiter limiter, ClientAddress addresses,
                        @Value("${inmo.jwt.access-token-ttl:60m}") Duration ttl,
                        @Value("${inmo.login-limit.per-minute:5}") int loginPerMinute) {
    this.accounts = accounts;
    this.brokers = brokers;
    this.passwords = passwords;
    this.jwt = jwt;
    this.refreshTokens = refreshTokens;
    this.limiter = limiter;
    this.addresses = addresses;
    this.ttl = ttl;
    this.loginPerMinute = loginPerMinute;
    this.decoyHash = passwords.encode(UUID.randomUUID().toString());
  }

  @PostMapping("/auth/login")
  public Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
    String email = request.email().trim();
    String address = addresses.of(exchange.getRequest());
    // the account's attempts are counted per address: a stranger's wrong guesses hold back the stranger, and
    // cannot lock the account's owner out
    return limiter.acquire(loginPerMinute, Duration.ofMinutes(1),
            "login:ip:" + address, "login:account:" + fingerprint(email) + ":" + address)
        .flatMap(decision -> decision.allowed() ? authenticate(email, request.password())
            : Mono.error(new TooManyRequests("Too many login attempts; retry after "
                + decision.retryAfterSeconds() + " s", decision.retryAfterSeconds())))
        .flatMap(user -> issue(user, null));
  }

  @PostMapping("/auth/refresh")
  public Mono<TokenResponse> refresh(@RequestBody RefreshRequest request) {
    return refreshTokens.rotate(request == null ? null : request.refreshToken())
        .flatMap(spent -> accounts.findById(spent.userId())
            .filterWhen(this::mayLogIn)
            .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                "The account is no longer active")))
            .flatMap(user -> issue(user, spent.familyId())));
  }

  @PostMapping("/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> logout(@RequestBody RefreshRequest request) {
    return refreshTokens.revokeFamilyOf(request == null ? null : request.refreshToken());
  }

  @GetMapping("/auth/me")
  public Mono<Me> me(@AuthenticationPrincipal Jwt token) {
    return accounts.findById(UUID.fromString(token.getSubject()))
        .filter(UserAccount::active)
        .map(user -> new Me(user.id(), user.email(), user.fullName(), user.role(), user.brokerId()))
        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "The account no longer exists")));
  }

  private Mono<UserAccount> authenticate(String email, String password) {
    return accounts.findByEmail(email)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        // bcrypt is deliberately slow: keep it off the event loop; an unknown e-mail costs the same time
        .flatMap(found -> Mono.fromCallable(() -> {
          boolean matches = passwords.matches(password, found.map(UserAccount::passwordHash).orElse(decoyHash));
          return matches ? found : Optional.<UserAccount>empty();
        }).subscribeOn(Schedulers.boundedElastic()))
        .flatMap(Mono::justOrEmpty)
        .filterWhen(this::mayLogIn)
        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Incorrect e-mail or password")));
  }

  /** An active account, in an active broker (a superadmin has none). */
  private Mono<Boolean> mayLogIn(UserAccount user) {
    if (!user.active()) {
      return Mono.just(false);
    }
    if (user.brokerId() == null) {
      return Mono.just(true);
    }
    return brokers.findById(user.brokerId()).map(Broker::active).defaultIfEmpty(false);
  }

  /** An access token and a refresh token of one session: {@code family} null starts one (a login). */
  private Mono<TokenResponse> issue(UserAccount user, UUID family) {
    UUID session = family != null ? family : UUID.randomUUID();
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .issuer("inmo")
        .subject(user.id().toString())
        .issuedAt(now)
        .expiresAt(now.plus(ttl))
        .claim("email", user.email())
        .claim("role", user.role().name())
        // the session (refresh-token family) it belongs to: a logout or a password reset ends it (AccountStates)
        .claim(AccountStates.SESSION_CLAIM, session.toString());
    if (user.brokerId() != null) {
      claims.claim("broker_id", user.brokerId().toString());
    }
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
    String token = jwt.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    return refreshTokens.issue(user.id(), session)
        .map(refresh -> new TokenResponse(token, "bearer", ttl.toSeconds(), refresh));
  }

  /** The account's bucket name: no e-mail addresses in Redis. */
  private static String fingerprint(String email) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public record LoginRequest(@NotBlank String email, @NotBlank String password) {

    @Override
    public String toString() {
      return "LoginRequest[email=" + email + "]";
    }
  }

  public record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
      return "RefreshRequest[…]";
    }
  }

  public record TokenResponse(@JsonProperty("access_token") String accessToken,
                              @JsonProperty("token_type") String tokenType,
                              @JsonProperty("expires_in") long expiresIn,
                              @JsonProperty("refresh_token") String refreshToken) {
  }

  public record Me(UUID id, String email, @JsonProperty("full_name") String fullName,
                   Role role, @JsonProperty("broker_id") UUID brokerId) {
  }
}
