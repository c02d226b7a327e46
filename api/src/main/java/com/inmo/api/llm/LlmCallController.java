package com.inmo.api.llm;

import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.web.Problems;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/llm-calls/daily}: the LLM calls the worker recorded ({@link LlmCalls}) summed per day and
 * provider for an admin: calls, failures, median and p90 latency, tokens and estimated cost.
 */
@RestController
public class LlmCallController {

  private final LlmCalls calls;

  public LlmCallController(LlmCalls calls) {
    this.calls = calls;
  }

  /** Per UTC day and provider, within the viewer's broker (a superadmin may name one, or sees all). */
  @GetMapping("/api/v1/llm-calls/daily")
  public Flux<LlmCalls.DailyUsage> daily(@AuthenticationPrincipal Jwt token,
                                         @RequestParam(required = false) LocalDate from,
                                         @RequestParam(required = false) LocalDate to,
                                         @RequestParam(required = false) UUID brokerId) {
    Viewer viewer = Viewer.of(token);
    if (viewer.role() == Role.AGENT) {
      return Flux.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "the cost view is for admins"));
    }
    LocalDate last = to == null ? LocalDate.now() : to;
    LocalDate first = from == null ? last.minusDays(29) : from;
    if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) > 366) {
      return Flux.error(Problems.badRequest("from must be before to, at most a year apart"));
    }
    UUID broker = viewer.seesAllBrokers() ? brokerId : viewer.brokerId();
    return calls.daily(first, last, broker);
  }
}
