package com.inmo.api.telegram;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The edge's memory of updates already handed to Temporal: {@code inmo:tg:update:<bot>:<update_id>} for a
 * day (Telegram gives up on an update long before). Best effort: with Redis down every update passes and
 * the workflow drops copies by message id.
 *
 * <p>Checked before the hand-off but written only after Temporal took the update ({@code SET … NX EX}):
 * claiming first would turn a crash or a Temporal failure between the two into a lost message, since
 * Telegram's retry would then be answered "duplicate". Two copies racing in at once may both reach the
 * workflow, which de-duplicates them.
 */
@Component
class UpdateDedup {

  static final Duration REMEMBER_FOR = Duration.ofSeconds(86_400);
  static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
  private static final Logger log = LoggerFactory.getLogger(UpdateDedup.class);
  private final ReactiveStringRedisTemplate redis;

  UpdateDedup(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  static String key(String botKey, long updateId) {
    return "inmo:tg:update:" + botKey + ":" + updateId;
  }

  /** Whether this update was handed off before; false when Redis cannot tell. */
  Mono<Boolean> seen(String botKey, long updateId) {
    return redis.hasKey(key(botKey, updateId))
        .timeout(REDIS_TIMEOUT)
        .defaultIfEmpty(false)
        .onErrorResume(e -> {
          log.warn("Redis unavailable, update {} of bot {} passes unchecked (the workflow de-duplicates): {}",
              updateId, botKey, e.toString());
          return Mono.just(false);
        });
  }

  /** Remembers a handed-off update; a failure is logged, never the sender's problem. */
  Mono<Void> remember(String botKey, long updateId) {
    return redis.opsForValue().setIfAbsent(key(botKey, updateId), "1", REMEMBER_FOR)
        .timeout(REDIS_TIMEOUT)
        .doOnError(e -> log.warn("Redis unavailable, update {} of bot {} not remembered: {}", updateId, botKey,
            e.toString()))
        .onErrorResume(e -> Mono.empty())
        .then();
  }
}
