package com.inmo.api.webchat;

import com.inmo.api.config.Environments;
import com.inmo.api.web.ClientAddress;
import com.inmo.api.web.RateLimiter;
import com.inmo.api.web.TooManyRequests;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The anonymous web chat's budgets, as token buckets in Redis ({@link RateLimiter}): each session becomes a
 * lead and each message a model call, so a script must not open sessions or post messages at will.
 * <ul>
 *   <li>{@code inmo.webchat.sessions-per-hour} sessions per client address an hour (default
 *       {@value #PRODUCTION_SESSIONS_PER_HOUR} in production; {@value #DEV_SESSIONS_PER_HOUR} elsewhere, where
 *       the dashboard's test chat and the end-to-end tests open many from localhost);</li>
 *   <li>{@code inmo.webchat.messages-per-minute} messages per session a minute (default
 *       {@value #DEFAULT_MESSAGES_PER_MINUTE}: a burst, then one every few seconds; a person typing never
 *       reaches it).</li>
 * </ul>
 * Past either, 429 with {@code Retry-After}. When Redis cannot answer the request passes, as every rate
 * limit here does.
 */
@Component
class WebchatLimits {

  static final int PRODUCTION_SESSIONS_PER_HOUR = 10;
  static final int DEV_SESSIONS_PER_HOUR = 200;
  static final int DEFAULT_MESSAGES_PER_MINUTE = 20;

  private final RateLimiter limiter;
  private final ClientAddress addresses;
  private final int sessionsPerHour;
  private final int messagesPerMinute;

  WebchatLimits(RateLimiter limiter, ClientAddress addresses,
                @Value("${inmo.environment:development}") String environment,
                @Value("${inmo.webchat.sessions-per-hour:#{null}}") Integer sessionsPerHour,
                @Value("${inmo.webchat.messages-per-minute:" + DEFAULT_MESSAGES_PER_MINUTE + "}") int messagesPerMinute) {
    this.limiter = limiter;
    this.addresses = addresses;
    this.sessionsPerHour = sessionsPerHour != null ? sessionsPerHour
        : Environments.isProduction(environment) ? PRODUCTION_SESSIONS_PER_HOUR : DEV_SESSIONS_PER_HOUR;
    this.messagesPerMinute = messagesPerMinute;
  }

  /** Completes when this client may open one more session; a 429 problem when it may not. */
  Mono<Void> newSession(ServerHttpRequest request) {
    return take(sessionsPerHour, Duration.ofHours(1), "webchat:sessions:" + addresses.of(request),
        "More than " + sessionsPerHour + " web chat sessions an hour from this address");
  }

  /** Completes when this session may post one more message; a 429 problem when it may not. */
  Mono<Void> message(String sessionId) {
    return take(messagesPerMinute, Duration.ofMinutes(1), "webchat:messages:" + sessionId,
        "More than " + messagesPerMinute + " messages a minute in this web chat session");
  }

  private Mono<Void> take(int capacity, Duration period, String bucket, String refusal) {
    if (capacity <= 0) {
      return Mono.empty();
    }
    return limiter.acquire(capacity, period, bucket).flatMap(decision -> decision.allowed() ? Mono.<Void>empty()
        : Mono.error(new TooManyRequests(refusal + "; retry after " + decision.retryAfterSeconds() + " s",
            decision.retryAfterSeconds())));
  }
}
