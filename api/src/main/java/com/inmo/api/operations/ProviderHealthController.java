package com.inmo.api.operations;

import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.llm.LlmCalls;
import com.inmo.api.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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

  private final LlmCalls calls;

  public ProviderHealthController(LlmCalls calls) {
    this.calls = calls;
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
    return calls.byProvider(since, until, broker)
        .map(ProviderHealth::of)
        .collectList()
        .map(list -> new ProviderReport(hours, since, until, list));
  }

  public record ProviderReport(int hours, Instant since, Instant until, List<ProviderHealth> providers) {
  }

  public record ProviderHealth(String provider, long calls, long failures, double errorRate, long latencyP50Ms,
                               Instant lastCallAt, Instant lastFailureAt, String lastError, String state) {

    static ProviderHealth of(LlmCalls.ProviderCalls c) {
      double rate = c.calls() == 0 ? 0 : (double) c.failures() / c.calls();
      String state = rate >= FAILING ? "failing" : rate >= DEGRADED ? "degraded" : "ok";
      String error = c.lastError() == null || c.lastError().length() <= MAX_ERROR ? c.lastError()
          : c.lastError().substring(0, MAX_ERROR) + "…";
      return new ProviderHealth(c.provider(), c.calls(), c.failures(), rate, c.p50() == null ? 0 : Math.round(c.p50()),
          c.lastCallAt(), c.lastFailureAt(), error, state);
    }
  }
}
