package com.inmo.api.calendar.google;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.inmo.api.auth.Role;
import com.inmo.api.auth.UserAccount;
import com.inmo.api.auth.UserAccounts;
import com.inmo.api.auth.Viewer;
import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.web.Problems;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Connecting a Google calendar (docs/calendar-google.md). The broker's calendar is its ADMIN's to connect (a
 * SUPERADMIN names the broker with {@code ?broker=}); an agent connects their own with {@code ?agent=me}.
 *
 * <ul>
 *   <li>{@code GET /api/v1/calendar/google/connect[?agent=me]} → {@code {"authorizationUrl"}}: Google's consent
 *       page for the calendar scope, offline access, a signed single-use {@code state} and PKCE.</li>
 *   <li>{@code GET /oauth/google/callback?code&state} (the browser, coming back from Google; no bearer token:
 *       the state names the broker and user) → stores the refresh token sealed and redirects to the
 *       dashboard's {@code /settings?calendar=connected}, or {@code ?calendar=error&reason=…}. A forged,
 *       expired or reused state is 400 and stores nothing.</li>
 *   <li>{@code GET|PUT|DELETE /api/v1/calendar/google[?agent=me|<userId>]}: the status
 *       ({@code connected|disconnected|not_connected}), the calendar id and Meet choice, disconnecting. An admin
 *       may read, change or remove an agent's connection of the broker.</li>
 * </ul>
 * Another broker's slug or user id is 404, as if it did not exist.
 */
@RestController
public class GoogleCalendarController {

  public static final String CALLBACK_PATH = "/oauth/google/callback";
  static final Pattern CALENDAR_ID = Pattern.compile("^[^\\s\\p{Cntrl}]{1,255}$");
  private static final Logger log = LoggerFactory.getLogger(GoogleCalendarController.class);

  private final Brokers brokers;
  private final CalendarConnections connections;
  private final OAuthStates states;
  private final GoogleTokenExchange tokens;
  private final GoogleCalendarSettings settings;
  private final EventBus events;
  private final UserAccounts users;

  public GoogleCalendarController(Brokers brokers, CalendarConnections connections, OAuthStates states,
                                  GoogleTokenExchange tokens, GoogleCalendarSettings settings, EventBus events,
                                  UserAccounts users) {
    this.brokers = brokers;
    this.connections = connections;
    this.states = states;
    this.tokens = tokens;
    this.settings = settings;
    this.events = events;
    this.users = users;
  }

  /** Whose calendar a request is about: the broker's ({@code userId} null) or one agent's. */
  record Target(Broker broker, UUID userId) {
  }

  @GetMapping("/api/v1/calendar/google/connect")
  public Mono<Map<String, String>> connect(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                                           @RequestParam(required = false) String broker,
                                           @RequestParam(required = false) String agent) {
    if (!settings.oauthConfigured()) {
      return Mono.error(Problems.unavailable("Google is not configured: set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET"));
    }
    Viewer viewer = Viewer.of(jwt);
    if (agent != null && !isSelf(viewer, agent)) {
      return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
          "A calendar is connected by its owner: use agent=me"));
    }
    String redirectUri = settings.redirectUrl(origin(request));
    return target(viewer, broker, agent)
        .flatMap(t -> states.issue(t.broker().id(), viewer.userId(), t.userId() != null, redirectUri))
        .map(pending -> Map.of("authorizationUrl", authorizationUrl(pending)));
  }

  private String authorizationUrl(OAuthStates.Pending pending) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", settings.clientId());
    q.put("redirect_uri", pending.redirectUri());
    q.put("response_type", "code");
    q.put("scope", GoogleCalendarSettings.SCOPE);
    q.put("access_type", "offline");
    q.put("prompt", "consent");
    q.put("include_granted_scopes", "true");
    q.put("state", states.encode(pending));
    q.put("code_challenge", OAuthStates.challenge(pending.codeVerifier()));
    q.put("code_challenge_method", "S256");
    String query = q.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return settings.authUrl() + (settings.authUrl().contains("?") ? "&" : "?") + query;
  }

  @GetMapping(CALLBACK_PATH)
  public Mono<ResponseEntity<Void>> callback(@RequestParam(required = false) String code,
                                             @RequestParam(required = false) String state,
                                             @RequestParam(required = false) String error) {
    if (state == null || state.isBlank()) {
      return Mono.error(Problems.badRequest("state is required"));
    }
    return states.consume(state)
        .switchIfEmpty(Mono.error(() -> Problems.badRequest("The state is invalid, expired or used already")))
        .flatMap(pending -> {
          if (error != null && !error.isBlank()) {
            log.info("Google connect for broker {} declined: {}", pending.brokerId(), error);
            return Mono.just(redirect("error&reason=" + URLEncoder.encode(error, StandardCharsets.UTF_8)));
          }
          if (code == null || code.isBlank()) {
            return Mono.error(Problems.badRequest("code is required"));
          }
          return store(pending, code).thenReturn(redirect("connected"))
              .onErrorResume(GoogleTokenExchange.ExchangeFailed.class, e -> {
                log.warn("Google connect for broker {} failed: {}", pending.brokerId(), e.getMessage());
                return Mono.just(redirect("error&reason=" + e.reason()));
              });
        });
  }

  private Mono<CalendarConnections.Connection> store(OAuthStates.Pending pending, String code) {
    return activeUser(pending.userId(), pending.brokerId())
        .switchIfEmpty(Mono.error(() -> new GoogleTokenExchange.ExchangeFailed("user_inactive",
            "the user who started the connection is no longer active in the broker")))
        .then(tokens.exchange(code, pending.codeVerifier(), pending.redirectUri()))
        .flatMap(granted -> {
          if (!granted.calendarGranted()) {
            return Mono.error(new GoogleTokenExchange.ExchangeFailed("scope_denied",
                "the calendar scope was not granted: " + granted.scope()));
          }
          return connections.saveOAuth(pending.brokerId(), pending.forAgent() ? pending.userId() : null,
              granted.refreshToken(), granted.scope(), pending.userId());
        })
        .flatMap(saved -> brokers.findById(saved.brokerId())
            .flatMap(b -> publish(b, status(b, saved)))
            .thenReturn(saved));
  }

  /** The user, while active in the broker (or a superadmin). */
  private Mono<UUID> activeUser(UUID userId, UUID brokerId) {
    return users.findById(userId)
        .filter(u -> u.active() && (brokerId.equals(u.brokerId()) || u.role() == Role.SUPERADMIN))
        .map(UserAccount::id);
  }

  private ResponseEntity<Void> redirect(String outcome) {
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(settings.settingsPage(outcome))).build();
  }

  @GetMapping("/api/v1/calendar/google")
  public Mono<CalendarStatus> status(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String broker,
                                     @RequestParam(required = false) String agent) {
    return target(Viewer.of(jwt), broker, agent).flatMap(this::statusOf);
  }

  @PutMapping("/api/v1/calendar/google")
  public Mono<CalendarStatus> update(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String broker,
                                     @RequestParam(required = false) String agent, @RequestBody CalendarSettings body) {
    String calendarId = body.calendarId() == null ? null : body.calendarId().strip();
    if (calendarId != null && !CALENDAR_ID.matcher(calendarId).matches()) {
      return Mono.error(Problems.badRequest("calendarId must be 1–255 characters without spaces (\"primary\" or an "
          + "id such as abc123@group.calendar.google.com)"));
    }
    return target(Viewer.of(jwt), broker, agent).flatMap(t -> connections.find(t.broker().id(), t.userId())
        .filter(c -> !c.fromEnvironment())
        .switchIfEmpty(Mono.error(() -> Problems.conflict("No Google calendar is connected here: connect one first")))
        .flatMap(c -> connections.update(c.id(), calendarId, body.meet()))
        .flatMap(c -> {
          CalendarStatus s = status(t.broker(), c);
          return publish(t.broker(), s).thenReturn(s);
        }));
  }

  @DeleteMapping("/api/v1/calendar/google")
  public Mono<ResponseEntity<Void>> disconnect(@AuthenticationPrincipal Jwt jwt,
                                               @RequestParam(required = false) String broker,
                                               @RequestParam(required = false) String agent) {
    return target(Viewer.of(jwt), broker, agent).flatMap(t -> connections.find(t.broker().id(), t.userId())
        .flatMap(c -> connections.delete(c.id()))
        .then(Mono.defer(() -> statusOf(t)))
        .flatMap(s -> publish(t.broker(), s))
        .thenReturn(ResponseEntity.noContent().<Void>build()));
  }

  private Mono<CalendarStatus> statusOf(Target t) {
    return connections.find(t.broker().id(), t.userId())
        .map(c -> status(t.broker(), c))
        .defaultIfEmpty(t.userId() == null && settings.environmentCalendar(t.broker().slug())
            ? CalendarStatus.environment(settings.envCalendarId())
            : CalendarStatus.notConnected(t.userId()));
  }

  private CalendarStatus status(Broker broker, CalendarConnections.Connection c) {
    if (c.fromEnvironment()) {
      boolean sameToken = settings.environmentCalendar(broker.slug())
          && settings.envTokenFingerprint().equals(c.envFingerprint());
      if (!sameToken) {
        // GOOGLE_REFRESH_TOKEN was replaced (or removed) since Google revoked the old one
        return settings.environmentCalendar(broker.slug()) ? CalendarStatus.environment(settings.envCalendarId())
            : CalendarStatus.notConnected(null);
      }
    }
    return new CalendarStatus(c.connected() ? "connected" : "disconnected", c.userId() == null ? "broker" : "agent",
        c.userId(), c.calendarId(), c.connectedAt(),
        c.connectedBy() == null ? null : new By(c.connectedBy(), c.connectedByName()), c.meet(), c.source(),
        c.disconnectedAt(), c.connected() ? null : c.disconnectReason());
  }

  private Mono<Void> publish(Broker broker, CalendarStatus status) {
    return events.publish(LiveEvent.CALENDAR_STATUS, broker.slug(), null, null, status);
  }

  /** The calendar this viewer may manage, or 404 (another tenant) / 403 (a role that may not). */
  private Mono<Target> target(Viewer viewer, String brokerSlug, String agent) {
    Mono<Broker> broker;
    if (viewer.seesAllBrokers()) {
      if (brokerSlug == null || brokerSlug.isBlank()) {
        return Mono.error(Problems.badRequest("broker is required for a superadmin"));
      }
      broker = brokers.require(brokerSlug);
    } else {
      broker = brokers.findById(viewer.brokerId())
          .filter(Broker::active)
          .filter(b -> brokerSlug == null || brokerSlug.isBlank() || b.slug().equalsIgnoreCase(brokerSlug.strip()))
          .switchIfEmpty(Mono.error(() -> Problems.notFound("Unknown broker '" + brokerSlug + "'")));
    }
    return broker.flatMap(b -> {
      if (agent == null || agent.isBlank()) {
        if (viewer.role() == Role.AGENT) {
          return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
              "The broker's calendar is its admin's to manage; an agent's own is agent=me"));
        }
        return Mono.just(new Target(b, null));
      }
      if (isSelf(viewer, agent)) {
        if (viewer.seesAllBrokers()) {
          return Mono.error(Problems.badRequest("A superadmin has no calendar of their own in a broker"));
        }
        return Mono.just(new Target(b, viewer.userId()));
      }
      UUID userId;
      try {
        userId = UUID.fromString(agent.strip());
      } catch (IllegalArgumentException e) {
        return Mono.error(Problems.badRequest("agent must be \"me\" or a user id"));
      }
      return userOf(b.id(), userId)
          .switchIfEmpty(Mono.error(() -> Problems.notFound("No user " + userId)))
          .flatMap(u -> viewer.role() == Role.AGENT
              ? Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "An agent manages their own calendar only"))
              : Mono.just(new Target(b, u)));
    });
  }

  private Mono<UUID> userOf(UUID brokerId, UUID userId) {
    return users.findById(userId).filter(u -> brokerId.equals(u.brokerId())).map(UserAccount::id);
  }

  private static boolean isSelf(Viewer viewer, String agent) {
    return "me".equalsIgnoreCase(agent.strip()) || agent.strip().equalsIgnoreCase(viewer.userId().toString());
  }

  private static String origin(ServerHttpRequest request) {
    URI uri = request.getURI();
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** {@code PUT} body: either may be left out. */
  public record CalendarSettings(String calendarId, Boolean meet) {
  }

  public record By(UUID id, String name) {
  }

  /**
   * What the dashboard shows; never the token.
   *
   * @param status {@code connected}, {@code disconnected} (Google revoked the access: connect again) or
   *               {@code not_connected}
   * @param scope  {@code broker} or {@code agent}
   * @param source {@code oauth} (connected here) or {@code environment} (the default broker's GOOGLE_REFRESH_TOKEN)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CalendarStatus(String status, String scope, UUID userId, String calendarId, Instant connectedAt,
                               By by, boolean meet, String source, Instant disconnectedAt, String reason) {

    static CalendarStatus notConnected(UUID userId) {
      return new CalendarStatus("not_connected", userId == null ? "broker" : "agent", userId, null, null, null, false,
          null, null, null);
    }

    static CalendarStatus environment(String calendarId) {
      return new CalendarStatus("connected", "broker", null, calendarId, null, null, false, "environment", null, null);
    }
  }
}
