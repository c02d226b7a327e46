package com.inmo.api.llm;

import com.inmo.api.brokers.Broker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What each broker spent on models today, in Redis: one hash per broker and calendar day (the broker's time
 * zone), {@code inmo:llm:budget:<slug>:<yyyy-mm-dd>}, with the turns, the cost in micro-dollars, and whether
 * someone was told it is spent. Counted as the worker records calls, read before each model call. Kept
 * {@value #KEEP_DAYS} days. Like the call budget it is a safety net, not a ledger ({@code llm_calls} is):
 * should Redis lose it, the day starts afresh.
 */
@Component
public class LlmBudgets {

  static final long KEEP_DAYS = 3;
  /** The outcome of a call the provider did not answer (the worker's {@code LlmCallRecord.ERROR}). */
  static final String ERROR = "error";

  /** KEYS: the day's hash. ARGV: turns to add, micro-dollars to add, ttl s. */
  private static final RedisScript<Long> COUNT = RedisScript.of("""
      redis.call('HINCRBY', KEYS[1], 'turns', tonumber(ARGV[1]))
      redis.call('HINCRBY', KEYS[1], 'micros', tonumber(ARGV[2]))
      redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
      return 1""", Long.class);

  /**
   * KEYS: the day's hash. ARGV: turn limit, micro-dollar limit, ttl s, 1 to claim the notification. Answers
   * {@code turns:micros:spent:notify}, {@code notify} 1 for the one claiming caller that first finds the day
   * spent.
   */
  private static final RedisScript<String> CHECK = RedisScript.of("""
      local turns = tonumber(redis.call('HGET', KEYS[1], 'turns') or '0')
      local micros = tonumber(redis.call('HGET', KEYS[1], 'micros') or '0')
      local spent = 0
      local notify = 0
      if turns >= tonumber(ARGV[1]) or micros >= tonumber(ARGV[2]) then
        spent = 1
        if ARGV[4] == '1' then
          notify = redis.call('HSETNX', KEYS[1], 'notified', '1')
          redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
        end
      end
      return turns .. ':' .. micros .. ':' .. spent .. ':' .. notify""", String.class);

  private final ReactiveStringRedisTemplate redis;

  LlmBudgets(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** @param firstToFindSpent whether this caller is the first to find the day spent (it tells the team) */
  public record Usage(long turns, BigDecimal costUsd, boolean spent, boolean firstToFindSpent) {
  }

  /**
   * Adds a newly recorded call to its broker's day (its own time zone): its cost, and one turn for the first
   * attempt of a turn the provider answered (a repair is the same turn; a failed call is none).
   */
  public Mono<Void> count(Broker broker, LlmCall call) {
    boolean turn = call.attempt() == 1 && !ERROR.equals(call.outcome());
    return count(broker.slug(), call.at().atZone(broker.zone()).toLocalDate(), turn, call.costUsd());
  }

  Mono<Void> count(String brokerSlug, LocalDate day, boolean turn, BigDecimal costUsd) {
    long micros = costUsd == null ? 0 : costUsd.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    return redis.execute(COUNT, List.of(key(brokerSlug, day)),
            List.of(turn ? "1" : "0", Long.toString(micros), Long.toString(Duration.ofDays(KEEP_DAYS).toSeconds())))
        .then();
  }

  /** Before a model call: the day's usage, and whether this caller is the one to tell the team it is spent. */
  public Mono<Usage> check(String brokerSlug, LocalDate day, LlmBudgetSettings limits) {
    return usage(brokerSlug, day, limits, true);
  }

  /** The day's usage, claiming nothing (the dashboard's view). */
  Mono<Usage> read(String brokerSlug, LocalDate day, LlmBudgetSettings limits) {
    return usage(brokerSlug, day, limits, false);
  }

  private Mono<Usage> usage(String brokerSlug, LocalDate day, LlmBudgetSettings limits, boolean claim) {
    long microLimit = limits.usd().movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
    return redis.execute(CHECK, List.of(key(brokerSlug, day)), List.of(Long.toString(limits.turns()),
            Long.toString(microLimit), Long.toString(Duration.ofDays(KEEP_DAYS).toSeconds()), claim ? "1" : "0"))
        .next()
        .map(reply -> {
          String[] p = reply.split(":");
          return new Usage(Long.parseLong(p[0]), dollars(Long.parseLong(p[1])), "1".equals(p[2]), "1".equals(p[3]));
        });
  }

  /** 3000 micro-dollars as 0.003, a million as 1 (never 1E+0). */
  static BigDecimal dollars(long micros) {
    BigDecimal d = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  static String key(String brokerSlug, LocalDate day) {
    return "inmo:llm:budget:" + brokerSlug.toLowerCase(Locale.ROOT) + ":" + day;
  }
}
