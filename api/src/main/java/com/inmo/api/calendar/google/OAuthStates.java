package com.inmo.api.calendar.google;

import com.inmo.api.crypto.CredentialCipher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The connect flow's {@code state}: {@code base64url(nonce|broker|user|agent|expiry).base64url(HMAC-SHA256)}
 * under a key derived from {@code SECRET_KEY} (HKDF, an "info" of its own), and a row in
 * {@code calendar_oauth_states} that the callback deletes as it reads it. So a state is accepted only when
 * the api made it (signature), before it expires (both the signed expiry and the row's), and once (the row
 * is gone after). The row also keeps PKCE's code verifier and the redirect URI, which the code exchange repeats.
 */
@Component
public class OAuthStates {

  private static final Logger log = LoggerFactory.getLogger(OAuthStates.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] SALT = "inmo/oauth-state/salt/v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] INFO = "inmo google oauth state HMAC-SHA256 v1".getBytes(StandardCharsets.UTF_8);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final DatabaseClient db;
  private final GoogleCalendarSettings settings;
  private final byte[] key;
  private final Clock clock;

  @Autowired
  public OAuthStates(DatabaseClient db, GoogleCalendarSettings settings, @Value("${inmo.secret-key:}") String secretKey) {
    this(db, settings, secretKey, Clock.systemUTC());
  }

  OAuthStates(DatabaseClient db, GoogleCalendarSettings settings, String secretKey, Clock clock) {
    this.db = db;
    this.settings = settings;
    this.clock = clock;
    byte[] material;
    if (secretKey == null || secretKey.isBlank()) {
      material = new byte[32]; // dev without SECRET_KEY: states made by this run only
      RANDOM.nextBytes(material);
    } else {
      material = secretKey.getBytes(StandardCharsets.UTF_8);
    }
    this.key = CredentialCipher.hkdfSha256(material, SALT, INFO, 32);
  }

  /** What a state stands for. {@code forAgent}: the calendar is {@code userId}'s own, else the broker's. */
  public record Pending(String nonce, UUID brokerId, UUID userId, boolean forAgent, String codeVerifier,
                        String redirectUri, Instant expiresAt) {

    @Override
    public String toString() {
      return "Pending[broker " + brokerId + ", user " + userId + ", agent " + forAgent + "]";
    }
  }

  /** A new state and its PKCE verifier, recorded. */
  public Mono<Pending> issue(UUID brokerId, UUID userId, boolean forAgent, String redirectUri) {
    String nonce = random(24);
    String verifier = random(48);
    Instant expires = clock.instant().plus(settings.stateTtl());
    Pending pending = new Pending(nonce, brokerId, userId, forAgent, verifier, redirectUri, expires);
    return db.sql("DELETE FROM calendar_oauth_states WHERE expires_at < :old").bind("old", clock.instant().minusSeconds(3600))
        .fetch().rowsUpdated()
        .then(db.sql("""
                INSERT INTO calendar_oauth_states (nonce, broker_id, user_id, for_agent, code_verifier, redirect_uri,
                                                   expires_at)
                VALUES (:n, :b, :u, :a, :v, :r, :e)""")
            .bind("n", nonce).bind("b", brokerId).bind("u", userId).bind("a", forAgent).bind("v", verifier)
            .bind("r", redirectUri).bind("e", expires)
            .fetch().rowsUpdated())
        .thenReturn(pending);
  }

  /** The state string sent to Google and back. */
  public String encode(Pending p) {
    String payload = String.join("|", p.nonce(), p.brokerId().toString(), p.userId().toString(),
        p.forAgent() ? "agent" : "broker", Long.toString(p.expiresAt().getEpochSecond()));
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(body) + "." + B64.encodeToString(mac(body));
  }

  /**
   * The pending connection a state stands for, consumed: empty when the state is forged, malformed,
   * expired, or was used already. Nothing else is told apart (the caller answers 400 for all).
   */
  public Mono<Pending> consume(String state) {
    Claims claims = verify(state);
    if (claims == null) {
      return Mono.empty();
    }
    return db.sql("""
            DELETE FROM calendar_oauth_states WHERE nonce = :n
            RETURNING broker_id, user_id, for_agent, code_verifier, redirect_uri, expires_at""")
        .bind("n", claims.nonce())
        .map((row, meta) -> new Pending(claims.nonce(), row.get("broker_id", UUID.class), row.get("user_id", UUID.class),
            Boolean.TRUE.equals(row.get("for_agent", Boolean.class)), row.get("code_verifier", String.class),
            row.get("redirect_uri", String.class), row.get("expires_at", Instant.class)))
        .one()
        .filter(p -> p.expiresAt().isAfter(clock.instant()))
        .filter(p -> p.brokerId().equals(claims.brokerId()) && p.userId().equals(claims.userId())
            && p.forAgent() == claims.forAgent());
  }

  private record Claims(String nonce, UUID brokerId, UUID userId, boolean forAgent) {
  }

  private Claims verify(String state) {
    if (state == null || state.length() > 1024) {
      return null;
    }
    int dot = state.indexOf('.');
    if (dot <= 0 || dot != state.lastIndexOf('.')) {
      return null;
    }
    try {
      byte[] body = B64D.decode(state.substring(0, dot));
      byte[] signature = B64D.decode(state.substring(dot + 1));
      if (!MessageDigest.isEqual(mac(body), signature)) {
        log.warn("Google connect callback with a state not signed by this api");
        return null;
      }
      String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 5) {
        return null;
      }
      if (Instant.ofEpochSecond(Long.parseLong(parts[4])).isBefore(clock.instant())) {
        return null;
      }
      return new Claims(parts[0], UUID.fromString(parts[1]), UUID.fromString(parts[2]), "agent".equals(parts[3]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** PKCE's S256 challenge of a verifier (RFC 7636). */
  public static String challenge(String verifier) {
    try {
      return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return B64.encodeToString(b);
  }
}
