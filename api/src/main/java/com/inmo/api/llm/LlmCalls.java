package com.inmo.api.llm;

import static com.inmo.api.db.Sql.nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code llm_calls} table: the worker's record of each model call, read back summed per day for the cost view
 * and per provider for the operations view. A failure is a call with outcome {@code error} or {@code fallback}.
 */
@Repository
public class LlmCalls {

  private final DatabaseClient db;

  public LlmCalls(DatabaseClient db) {
    this.db = db;
  }

  /** Records the call ({@code brokerId} null when no broker is known): true when new, false for a retry. */
  public Mono<Boolean> insert(LlmCall call, UUID brokerId) {
    return db.sql("""
            INSERT INTO llm_calls (turn_id, attempt, broker_id, workflow_id, purpose, provider, model, prompt_version,
                                   latency_ms, tokens_in, tokens_out, cost_usd, outcome, error, called_at)
            VALUES (:turn, :attempt, :broker, :workflow, :purpose, :provider, :model, :prompt, :latency, :tin, :tout,
                    :cost, :outcome, :error, :at)
            ON CONFLICT (turn_id, attempt) DO NOTHING""")
        .bind("turn", call.turnId())
        .bind("attempt", call.attempt())
        .bind("broker", nullable(brokerId, UUID.class))
        .bind("workflow", nullable(call.leadId(), String.class))
        .bind("purpose", call.purpose())
        .bind("provider", call.provider())
        .bind("model", nullable(call.model(), String.class))
        .bind("prompt", nullable(call.promptVersion(), String.class))
        .bind("latency", call.latencyMs())
        .bind("tin", nullable(call.tokensIn(), Integer.class))
        .bind("tout", nullable(call.tokensOut(), Integer.class))
        .bind("cost", nullable(call.costUsd(), BigDecimal.class))
        .bind("outcome", call.outcome())
        .bind("error", nullable(call.error(), String.class))
        .bind("at", call.at())
        .fetch().rowsUpdated()
        .map(n -> n > 0);
  }

  /** Per UTC day and provider from {@code first} to {@code last}, of one broker ({@code brokerId}) or of all (null). */
  public Flux<DailyUsage> daily(LocalDate first, LocalDate last, UUID brokerId) {
    return db.sql("""
            SELECT (called_at AT TIME ZONE 'UTC')::date AS day, provider, count(*) AS calls,
                   count(*) FILTER (WHERE outcome IN ('error', 'fallback')) AS failures,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY latency_ms) AS p90,
                   coalesce(sum(tokens_in), 0) AS tokens_in, coalesce(sum(tokens_out), 0) AS tokens_out,
                   coalesce(sum(cost_usd), 0) AS cost
            FROM llm_calls
            WHERE called_at >= :from AND called_at < :to AND (CAST(:broker AS uuid) IS NULL OR broker_id = :broker)
            GROUP BY 1, 2 ORDER BY 1, 2""")
        .bind("from", first.atStartOfDay(ZoneOffset.UTC).toInstant())
        .bind("to", last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .bind("broker", nullable(brokerId, UUID.class))
        .map((row, meta) -> new DailyUsage(row.get("day", LocalDate.class), row.get("provider", String.class),
            row.get("calls", Long.class), row.get("failures", Long.class),
            Math.round(row.get("p50", Double.class)), Math.round(row.get("p90", Double.class)),
            row.get("tokens_in", Long.class), row.get("tokens_out", Long.class), row.get("cost", BigDecimal.class)))
        .all();
  }

  /** Per provider in [{@code since}, {@code until}], of one broker ({@code brokerId}) or of all (null). */
  public Flux<ProviderCalls> byProvider(Instant since, Instant until, UUID brokerId) {
    return db.sql("""
            SELECT provider, count(*) AS calls,
                   count(*) FILTER (WHERE outcome IN ('error', 'fallback')) AS failures,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
                   max(called_at) AS last_call_at,
                   max(called_at) FILTER (WHERE outcome IN ('error', 'fallback')) AS last_failure_at,
                   (array_agg(error ORDER BY called_at DESC)
                      FILTER (WHERE outcome IN ('error', 'fallback') AND error IS NOT NULL))[1] AS last_error
            FROM llm_calls
            WHERE called_at >= :since AND called_at <= :until
              AND (CAST(:broker AS uuid) IS NULL OR broker_id = :broker)
            GROUP BY provider ORDER BY provider""")
        .bind("since", since)
        .bind("until", until)
        .bind("broker", nullable(brokerId, UUID.class))
        .map((row, meta) -> new ProviderCalls(row.get("provider", String.class), row.get("calls", Long.class),
            row.get("failures", Long.class), row.get("p50", Double.class), row.get("last_call_at", Instant.class),
            row.get("last_failure_at", Instant.class), row.get("last_error", String.class)))
        .all();
  }

  public record DailyUsage(LocalDate day, String provider, long calls, long failures, long latencyP50Ms,
                           long latencyP90Ms, long tokensIn, long tokensOut, BigDecimal costUsd) {
  }

  /** @param p50 the median latency in ms, null without calls */
  public record ProviderCalls(String provider, long calls, long failures, Double p50, Instant lastCallAt,
                              Instant lastFailureAt, String lastError) {
  }
}
