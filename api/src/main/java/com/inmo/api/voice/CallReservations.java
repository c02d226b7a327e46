package com.inmo.api.voice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The call budget, kept in Redis and checked atomically (one Lua script) before any provider is asked to dial:
 * at most {@code perBrokerPerHour} calls of a broker in any sliding hour (a sorted set of reservation keys scored
 * by time) and {@code perLeadPerDay} calls of a lead on one day of the broker's calendar (a set per lead and local
 * date). A reservation is idempotent by its key (the call workflow's lead id and attempt): a retried
 * {@code startCall} gets its earlier grant back, and with it the provider's call id once the call was placed, so a
 * retry never dials twice nor counts twice. Concurrent reservations of the last slot: exactly one wins.
 *
 * <p>Redis is the api's (REDIS_URL). Should Redis lose its data the budget starts afresh: the caps are a safety
 * net over the lead workflow's own per-lead caps, not a ledger.
 */
@Component
class CallReservations {

  static final Duration WINDOW = Duration.ofHours(1);
  static final Duration REMEMBER_RESERVATION = Duration.ofDays(7);
  static final Duration REMEMBER_LEAD_DAY = Duration.ofDays(2);

  /**
   * KEYS: reservation, broker's calls (zset), lead's calls today (set). ARGV: now ms, window ms, broker cap, lead
   * cap, reservation key, reservation ttl s, lead-day ttl s. Answers {@code granted:<provider call id or empty>},
   * {@code refused:broker:<count>} or {@code refused:lead:<count>}.
   */
  static final RedisScript<String> RESERVE = RedisScript.of("""
      local existing = redis.call('GET', KEYS[1])
      if existing then return 'granted:' .. existing end
      local now = tonumber(ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[2]))
      local brokerCount = redis.call('ZCARD', KEYS[2])
      if brokerCount >= tonumber(ARGV[3]) then return 'refused:broker:' .. brokerCount end
      local leadCount = redis.call('SCARD', KEYS[3])
      if leadCount >= tonumber(ARGV[4]) then return 'refused:lead:' .. leadCount end
      redis.call('ZADD', KEYS[2], now, ARGV[5])
      redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[2]))
      redis.call('SADD', KEYS[3], ARGV[5])
      redis.call('EXPIRE', KEYS[3], tonumber(ARGV[7]))
      redis.call('SET', KEYS[1], '', 'EX', tonumber(ARGV[6]))
      return 'granted:'""", String.class);

  /** KEYS: reservation. ARGV: provider call id, ttl s. 1 when the reservation existed. */
  static final RedisScript<Long> RECORD = RedisScript.of("""
      if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
      redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[2]))
      return 1""", Long.class);

  private final ReactiveStringRedisTemplate redis;

  CallReservations(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** @param providerCallId the call placed under this reservation before (a retry), or null */
  record Outcome(boolean granted, String refusedBy, long count, String providerCallId) {
  }

  Mono<Outcome> reserve(String brokerSlug, UUID leadId, String idempotencyKey, int perBrokerPerHour,
                        int perLeadPerDay, ZoneId zone, Instant now) {
    LocalDate day = now.atZone(zone).toLocalDate();
    List<String> keys = List.of(reservationKey(idempotencyKey), brokerKey(brokerSlug), leadKey(leadId, day));
    List<String> args = List.of(String.valueOf(now.toEpochMilli()), String.valueOf(WINDOW.toMillis()),
        String.valueOf(perBrokerPerHour), String.valueOf(perLeadPerDay), idempotencyKey,
        String.valueOf(REMEMBER_RESERVATION.toSeconds()), String.valueOf(REMEMBER_LEAD_DAY.toSeconds()));
    return redis.execute(RESERVE, keys, args).next().map(CallReservations::outcome);
  }

  /** Records the provider's call id on a reservation; false when there is no such reservation. */
  Mono<Boolean> recordCall(String idempotencyKey, String providerCallId) {
    return redis.execute(RECORD, List.of(reservationKey(idempotencyKey)),
            List.of(providerCallId, String.valueOf(REMEMBER_RESERVATION.toSeconds())))
        .next().map(n -> n == 1L);
  }

  static Outcome outcome(String answer) {
    if (answer.startsWith("granted:")) {
      String id = answer.substring("granted:".length());
      return new Outcome(true, null, 0, id.isEmpty() ? null : id);
    }
    String[] parts = answer.split(":");
    return new Outcome(false, parts[1], Long.parseLong(parts[2]), null);
  }

  static String reservationKey(String idempotencyKey) {
    return "inmo:voice:reservation:" + idempotencyKey;
  }

  static String brokerKey(String brokerSlug) {
    return "inmo:voice:calls:broker:" + brokerSlug.toLowerCase(Locale.ROOT);
  }

  static String leadKey(UUID leadId, LocalDate day) {
    return "inmo:voice:calls:lead:" + leadId + ":" + day;
  }
}
