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
 * by time) and {@code perLeadPerDay} calls of a lead on one day of the broker's calendar (a sorted set per lead,
 * counted between the local day's bounds). A reservation is idempotent by its key (the call workflow's lead id and
 * attempt): a retried {@code startCall} gets its earlier grant back, and with it the provider's call id once the
 * call was placed, so a retry never dials twice nor counts twice. Concurrent reservations of the last slot:
 * exactly one wins.
 *
 * <p>None of these keys has a TTL, on purpose: compose's Redis evicts only keys with one ({@code volatile-lru}),
 * and an evicted reservation would let a retried start dial (and pay) again. The script bounds them itself: the
 * broker's set is trimmed to the window, and each reservation sweeps up to {@value #SWEEP} reservations older
 * than seven days and per-lead sets idle for two days (Redis's own clock, {@code TIME}).
 *
 * <p>Redis is the api's (REDIS_URL). Should Redis lose its data the budget starts afresh: the caps are a safety
 * net over the lead workflow's own per-lead caps, not a ledger.
 */
@Component
public class CallReservations {

  static final Duration WINDOW = Duration.ofHours(1);
  static final Duration REMEMBER_RESERVATION = Duration.ofDays(7);
  static final Duration REMEMBER_LEAD = Duration.ofDays(2);
  static final int SWEEP = 50;
  /** Reservation key → the provider's call id ("" until the call is placed). */
  static final String RESERVATIONS = "inmo:voice:reservations";
  /** Reservation key → when it was made (Redis's clock, ms): what the sweep reads. */
  static final String RESERVATIONS_AT = "inmo:voice:reservations:at";
  /** Lead id → its last reservation (Redis's clock, ms): what the sweep of per-lead sets reads. */
  static final String LEADS = "inmo:voice:calls:leads";

  /**
   * KEYS: reservations (hash), reservations' times (zset), broker's calls (zset), lead's calls (zset), leads' last
   * reservation (zset). ARGV: now ms, window ms, broker cap, lead cap, reservation key, local day start ms, local
   * day end ms, keep reservations ms, keep idle leads ms, lead id, sweep size, per-lead key prefix. Answers
   * {@code granted:<provider call id or empty>}, {@code refused:broker:<count>} or {@code refused:lead:<count>}.
   */
  static final RedisScript<String> RESERVE = RedisScript.of("""
      local existing = redis.call('HGET', KEYS[1], ARGV[5])
      if existing then return 'granted:' .. existing end
      local t = redis.call('TIME')
      local clock = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local sweep = tonumber(ARGV[11])
      local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', clock - tonumber(ARGV[8]), 'LIMIT', 0, sweep)
      for _, key in ipairs(old) do
        redis.call('HDEL', KEYS[1], key)
        redis.call('ZREM', KEYS[2], key)
      end
      local idle = redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', clock - tonumber(ARGV[9]), 'LIMIT', 0, sweep)
      for _, lead in ipairs(idle) do
        redis.call('DEL', ARGV[12] .. lead)
        redis.call('ZREM', KEYS[5], lead)
      end
      local now = tonumber(ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[2]))
      local brokerCount = redis.call('ZCARD', KEYS[3])
      if brokerCount >= tonumber(ARGV[3]) then return 'refused:broker:' .. brokerCount end
      redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. (tonumber(ARGV[6]) - 86400000))
      local leadCount = redis.call('ZCOUNT', KEYS[4], ARGV[6], '(' .. ARGV[7])
      if leadCount >= tonumber(ARGV[4]) then return 'refused:lead:' .. leadCount end
      redis.call('ZADD', KEYS[3], now, ARGV[5])
      redis.call('ZADD', KEYS[4], now, ARGV[5])
      redis.call('ZADD', KEYS[5], clock, ARGV[10])
      redis.call('HSET', KEYS[1], ARGV[5], '')
      redis.call('ZADD', KEYS[2], clock, ARGV[5])
      return 'granted:'""", String.class);

  /** KEYS: reservations (hash). ARGV: reservation key, provider call id. 1 when the reservation existed. */
  static final RedisScript<Long> RECORD = RedisScript.of("""
      if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
      return 1""", Long.class);

  private final ReactiveStringRedisTemplate redis;

  CallReservations(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** @param providerCallId the call placed under this reservation before (a retry), or null */
  public record Outcome(boolean granted, String refusedBy, long count, String providerCallId) {
  }

  public Mono<Outcome> reserve(String brokerSlug, UUID leadId, String idempotencyKey, int perBrokerPerHour,
                        int perLeadPerDay, ZoneId zone, Instant now) {
    LocalDate day = now.atZone(zone).toLocalDate();
    long dayStart = day.atStartOfDay(zone).toInstant().toEpochMilli();
    long dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    List<String> keys = List.of(RESERVATIONS, RESERVATIONS_AT, brokerKey(brokerSlug), leadKey(leadId), LEADS);
    List<String> args = List.of(String.valueOf(now.toEpochMilli()), String.valueOf(WINDOW.toMillis()),
        String.valueOf(perBrokerPerHour), String.valueOf(perLeadPerDay), idempotencyKey, String.valueOf(dayStart),
        String.valueOf(dayEnd), String.valueOf(REMEMBER_RESERVATION.toMillis()),
        String.valueOf(REMEMBER_LEAD.toMillis()), leadId.toString(), String.valueOf(SWEEP), LEAD_KEY_PREFIX);
    return redis.execute(RESERVE, keys, args).next().map(CallReservations::outcome);
  }

  /** Records the provider's call id on a reservation; false when there is no such reservation. */
  public Mono<Boolean> recordCall(String idempotencyKey, String providerCallId) {
    return redis.execute(RECORD, List.of(RESERVATIONS), List.of(idempotencyKey, providerCallId))
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

  static String brokerKey(String brokerSlug) {
    return "inmo:voice:calls:broker:" + brokerSlug.toLowerCase(Locale.ROOT);
  }

  private static final String LEAD_KEY_PREFIX = "inmo:voice:calls:lead:";

  static String leadKey(UUID leadId) {
    return LEAD_KEY_PREFIX + leadId;
  }
}
