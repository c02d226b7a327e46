package com.inmo.api.voice;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The edge's memory of provider messages already handed to Temporal:
 * {@code inmo:voice:<provider>:<call id>:<message type>} for {@link VoiceProperties#rememberFor()}. Checked before
 * the hand-off but written ({@code SET … NX EX}) only after Temporal took it, as {@code telegram/UpdateDedup}
 * does: claiming first would turn a failure between the two into a lost report, the provider's retry then being
 * answered "duplicate". Best effort: with Redis down a copy passes, and the call workflow keeps the first report
 * it gets (a second one changes nothing).
 */
@Component
class VoiceDedup {

  static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
  private static final Logger log = LoggerFactory.getLogger(VoiceDedup.class);
  private final ReactiveStringRedisTemplate redis;
  private final Duration rememberFor;

  VoiceDedup(ReactiveStringRedisTemplate redis, VoiceProperties props) {
    this.redis = redis;
    this.rememberFor = props.rememberFor();
  }

  static String key(String provider, String callId, String type) {
    return "inmo:voice:" + provider + ":" + callId + ":" + type;
  }

  /** Whether this message was handed off before; false when Redis cannot tell. */
  Mono<Boolean> seen(String provider, String callId, String type) {
    return redis.hasKey(key(provider, callId, type))
        .timeout(REDIS_TIMEOUT)
        .defaultIfEmpty(false)
        .onErrorResume(e -> {
          log.warn("Redis unavailable, {} {} of call {} passes unchecked (the call workflow keeps its first report): {}",
              provider, type, callId, e.toString());
          return Mono.just(false);
        });
  }

  /** Remembers a handed-off message; a failure is logged, never the provider's problem. */
  Mono<Void> remember(String provider, String callId, String type) {
    return redis.opsForValue().setIfAbsent(key(provider, callId, type), "1", rememberFor)
        .timeout(REDIS_TIMEOUT)
        .doOnError(e -> log.warn("Redis unavailable, {} {} of call {} not remembered: {}", provider, type, callId,
            e.toString()))
        .onErrorResume(e -> Mono.empty())
        .then();
  }
}
