package com.inmo.api.brokers;

import com.inmo.workflows.broker.BrokerConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every step of every running lead reads its broker's settings; they change rarely. Cached in Redis (so all
 * api replicas share one copy and one eviction), evicted on every change, and bounded by a short TTL should
 * an eviction be missed. Redis down: read through to the database.
 */
@Component
public class BrokerConfigCache {

  static final Duration TTL = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(BrokerConfigCache.class);

  private final ReactiveStringRedisTemplate redis;
  private final JsonMapper json;

  public BrokerConfigCache(ReactiveStringRedisTemplate redis, JsonMapper json) {
    this.redis = redis;
    this.json = json;
  }

  public Mono<BrokerConfig> get(String slug, Supplier<Mono<BrokerConfig>> load) {
    String key = key(slug);
    return redis.opsForValue().get(key)
        .map(cached -> json.readValue(cached, BrokerConfig.class))
        .onErrorResume(e -> {
          log.debug("Broker settings cache unavailable for {}: {}", slug, e.toString());
          return Mono.empty();
        })
        .switchIfEmpty(Mono.defer(load).flatMap(config -> redis.opsForValue()
            .set(key, json.writeValueAsString(config), TTL)
            .onErrorResume(e -> Mono.just(false))
            .thenReturn(config)));
  }

  /** After any change to the broker's settings, so the next step of each lead reads them fresh. */
  public Mono<Void> evict(String slug) {
    return redis.delete(key(slug)).onErrorResume(e -> Mono.just(0L)).then();
  }

  static String key(String slug) {
    return "inmo:broker-config:" + slug.toLowerCase(java.util.Locale.ROOT);
  }
}
