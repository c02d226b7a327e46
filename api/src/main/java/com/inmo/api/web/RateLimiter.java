package com.inmo.api.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every api replica. One Lua script reads, refills and takes from all
 * the buckets of a request at once, so two replicas never both spend the last token, and a request held
 * by one bucket takes nothing from the others. Time is Redis's own clock, not the replicas'.
 *
 * <p>Each bucket holds {@code capacity} tokens and refills {@code capacity} per {@code period}: a burst of
 * {@code capacity}, then one request every {@code period / capacity}. When Redis cannot be reached the
 * request passes (logged): the guards protect the api, they must not take it down with Redis.
 */
@Component
public class RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  // KEYS: the buckets; ARGV[1]: capacity; ARGV[2]: refill period in ms.
  // Returns "allowed:waitMs:remaining"; a refused request changes no bucket.
  private static final RedisScript<String> TOKEN_BUCKET = RedisScript.of("""
      local capacity = tonumber(ARGV[1])
      local period = tonumber(ARGV[2])
      local rate = capacity / period
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local levels = {}
      local wait = 0
      local remaining = capacity
      for i, key in ipairs(KEYS) do
        local state = redis.call('HMGET', key, 'tokens', 'at')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil then
          tokens = capacity
          at = now
        end
        tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
        levels[i] = tokens
        if tokens < 1 then
          wait = math.max(wait, math.ceil((1 - tokens) / rate))
        end
      end
      local allowed = 0
      if wait == 0 then
        allowed = 1
        for i, key in ipairs(KEYS) do
          local left = levels[i] - 1
          redis.call('HSET', key, 'tokens', tostring(left), 'at', tostring(now))
          redis.call('PEXPIRE', key, period * 2)
          remaining = math.min(remaining, math.floor(left))
        end
      else
        remaining = 0
      end
      return allowed .. ':' .. wait .. ':' .. remaining
      """, String.class);

  private final ReactiveStringRedisTemplate redis;
  private final String prefix;

  public RateLimiter(ReactiveStringRedisTemplate redis,
                     @Value("${inmo.rate-limit.key-prefix:inmo:rate:}") String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  /** Takes one token from each bucket (named without the prefix), or none when any of them is empty. */
  public Mono<Decision> acquire(int capacity, Duration period, String... buckets) {
    List<String> keys = new ArrayList<>(buckets.length);
    for (String bucket : buckets) {
      keys.add(prefix + bucket);
    }
    List<String> args = List.of(Integer.toString(capacity), Long.toString(period.toMillis()));
    return redis.execute(TOKEN_BUCKET, keys, args)
        .next()
        .map(RateLimiter::parse)
        .onErrorResume(e -> {
          log.warn("Rate limiting skipped, Redis did not answer: {}", e.toString());
          return Mono.just(Decision.UNCHECKED);
        })
        .defaultIfEmpty(Decision.UNCHECKED);
  }

  private static Decision parse(String reply) {
    String[] parts = reply.split(":");
    boolean allowed = "1".equals(parts[0]);
    long waitMs = Long.parseLong(parts[1]);
    return new Decision(allowed, allowed ? 0 : Math.max(1, (waitMs + 999) / 1000), Long.parseLong(parts[2]));
  }

  /** @param retryAfterSeconds when refused, how long until a token is back (at least 1) */
  public record Decision(boolean allowed, long retryAfterSeconds, long remaining) {
    static final Decision UNCHECKED = new Decision(true, 0, -1);
  }
}
