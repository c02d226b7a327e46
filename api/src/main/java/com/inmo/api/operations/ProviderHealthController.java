package com.inmo.api.operations;

import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/operations/providers}: how each LLM provider fared over the last hours (24 by default),
 * from the {@code llm_calls} the worker records: calls, failures (outcome {@code error} or {@code fallback},
 * as the daily view counts them), error rate, median latency, the last failure and its error. An ADMIN sees
 * their broker's calls; a SUPERADMIN every broker's, or one with {@code brokerId}; an AGENT gets 403.
 *
 * <p>{@code state}: {@code failing} from a 50 % error rate, {@code degraded} from 5 %, else {@code ok}.
 */
@RestController
@Tag(name = "Operations", description = "What an operator watches: failing providers")
public class ProviderHealthController {

  static final int MAX_HOURS = 24 * 7;
  static final double FAILING = 0.5;
  static final double DEGRADED = 0.05;
  static final int MAX_ERROR = 300;

  private final DatabaseClient db;

  public ProviderHealthController(DatabaseClient db) {
    this.db = db;
  }

  @GetMapping("/api/v1/operations/providers")
  @Operation(summary = "Per LLM provider over the last hours: calls, failures, error rate, last error (ADMIN)")
  public Mono<ProviderReport> providers(@AuthenticationPrincipal Jwt token,
                                        @RequestParam(defaultValue = "24") int hours,
                                        @RequestParam(required = false) UUID brokerId) {
    Viewer viewer = Viewer.of(token);
    if (viewer.role() == Role.AGENT) {
      return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "the operations view is for admins"));
    }
    if (hours < 1 || hours > MAX_HOURS) {
      return Mono.error(Problems.badRequest("hours must be 1–" + MAX_HOURS));
    }
    UUID broker = viewer.seesAllBrokers() ? brokerId : viewer.brokerId();
    Instant until = Instant.now();
    Instant since = until.minus(Duration.ofHours(hours));
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
        .bind("broker", broker == null ? io.r2dbc.spi.Parameters.in(UUID.class) : broker)
        .map((row, meta) -> ProviderHealth.of(row.get("provider", String.class), row.get("calls", Long.class),
            row.get("failures", Long.class), row.get("p50", Double.class), row.get("last_call_at", Instant.class),
            row.get("last_failure_at", Instant.class), row.get("last_error", String.class)))
        .all()
        .collectList()
        .map(list -> new ProviderReport(hours, since, until, list));
  }

  public record ProviderReport(int hours, Instant since, Instant until, List<ProviderHealth> providers) {
  }

  public record ProviderHealth(String provider, long calls, long failures, double errorRate, long latencyP50Ms,
                               Instant lastCallAt, Instant lastFailureAt, String lastError, String state) {

    static ProviderHealth of(String provider, long calls, long failures, Double p50, Instant lastCallAt,
                             Instant lastFailureAt, String lastError) {
      double rate = calls == 0 ? 0 : (double) failures / calls;
      String state = rate >= FAILING ? "failing" : rate >= DEGRADED ? "degraded" : "ok";
      String error = lastError == null || lastError.length() <= MAX_ERROR ? lastError
          : lastError.substring(0, MAX_ERROR) + "…";
      return new ProviderHealth(provider, calls, failures, rate, p50 == null ? 0 : Math.round(p50), lastCallAt,
          lastFailureAt, error, state);
    }
  }
}
