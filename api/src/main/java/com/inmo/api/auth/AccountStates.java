package com.inmo.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * What an access token's user may do now, not when it was signed: the user still exists and is active, with the
 * token's role, in the token's broker, which is active, and the token's session ({@code sid}, its refresh-token
 * family) was not ended by a logout, a password reset, a deactivation or a detected theft. Asked on every request
 * (the JWT decoder) and by open live streams.
 *
 * <p>States are cached for {@code inmo.auth.account-cache-ttl} (5 s) and evicted when this process changes the user
 * ({@link #changed}) or their broker ({@link #brokerChanged}); a change made by another replica is seen once the
 * entry expires. A refusal is never taken from the cache: it is confirmed against the database, so a session begun
 * on another replica a moment ago is not refused here.
 */
@Component
public class AccountStates {

  public static final String SESSION_CLAIM = "sid";
  public static final String ENDED = "The access token no longer grants access: the account, its role, its broker "
      + "or its session changed; refresh it or log in again";

  private final DatabaseClient db;
  private final Cache<UUID, State> cache;
  private final Sinks.Many<Change> changes = Sinks.many().multicast().directBestEffort();

  public AccountStates(DatabaseClient db, @Value("${inmo.auth.account-cache-ttl:5s}") Duration ttl) {
    this.db = db;
    this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
  }

  /** Whether the token still grants access. */
  public Mono<Boolean> permits(Jwt token) {
    UUID user = UUID.fromString(token.getSubject());
    State cached = cache.getIfPresent(user);
    if (cached != null && cached.permits(token)) {
      return Mono.just(true);
    }
    return load(user).map(state -> {
      cache.put(user, state);
      return state.permits(token);
    });
  }

  /** After this process changed the user (role, activity, password, sessions): forget and announce it. */
  public void changed(UUID userId) {
    cache.invalidate(userId);
    changes.tryEmitNext(new Change(userId, null));
  }

  /** After this process changed a broker's activity: its users' states are read again. */
  public void brokerChanged(UUID brokerId) {
    cache.invalidateAll();
    changes.tryEmitNext(new Change(null, brokerId));
  }

  /** The changes this process makes to the viewer or their broker, from now on. */
  public Flux<Change> changesOf(Viewer viewer) {
    return changes.asFlux().filter(c -> viewer.userId().equals(c.userId())
        || (c.brokerId() != null && c.brokerId().equals(viewer.brokerId())));
  }

  private Mono<State> load(UUID userId) {
    return db.sql("""
            SELECT u.active, u.role, u.broker_id, b.active AS broker_active,
                   ARRAY(SELECT DISTINCT r.family_id FROM refresh_tokens r
                         WHERE r.user_id = u.id AND r.revoked_at IS NULL AND r.expires_at > now()) AS sessions
            FROM users u LEFT JOIN brokers b ON b.id = u.broker_id WHERE u.id = :id""")
        .bind("id", userId)
        .map((row, meta) -> {
          UUID[] sessions = row.get("sessions", UUID[].class);
          return new State(Boolean.TRUE.equals(row.get("active", Boolean.class)),
              Role.valueOf(row.get("role", String.class)), row.get("broker_id", UUID.class),
              Boolean.TRUE.equals(row.get("broker_active", Boolean.class)),
              sessions == null ? Set.of() : Set.copyOf(Arrays.asList(sessions)));
        })
        .one()
        .defaultIfEmpty(State.DELETED);
  }

  /** A user or (userId null) a broker changed. */
  public record Change(UUID userId, UUID brokerId) {
  }

  record State(boolean active, Role role, UUID brokerId, boolean brokerActive, Set<UUID> sessions) {

    static final State DELETED = new State(false, null, null, false, Set.of());

    boolean permits(Jwt token) {
      String session = token.getClaimAsString(SESSION_CLAIM);
      return active && role != null && role.name().equals(token.getClaimAsString("role"))
          && Objects.equals(brokerId == null ? null : brokerId.toString(), token.getClaimAsString("broker_id"))
          && (brokerId == null || brokerActive)
          && session != null && sessions.stream().anyMatch(s -> s.toString().equals(session));
    }
  }
}
