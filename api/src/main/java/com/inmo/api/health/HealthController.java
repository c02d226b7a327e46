package com.inmo.api.health;

import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /health}, as the old system answered it: 200 "healthy" when every required dependency
 * answers, 503 "unhealthy" naming the one that does not (load balancers and the deployment checklist
 * read it). Checks run in parallel, each bounded by a timeout, so a hung dependency cannot hang it.
 * Optional integrations ({@link HealthDetail}) add {@code details} in the same time bound but never change
 * the status: a broken Telegram webhook must not take the api out of a load balancer.
 *
 * <p>Anyone (a load balancer, a stranger) gets the status and each check up or down. Why a check failed (driver
 * messages, addresses) and the details are for operators: a SUPERADMIN sees all of it, the ADMIN of a broker the
 * details of that broker's integrations (the default bot's Telegram webhook for the default broker's admin).
 */
@RestController
public class HealthController {

  private final List<DependencyCheck> checks;
  private final List<HealthDetail> details;
  private final Brokers brokers;
  private final Duration timeout;

  public HealthController(List<DependencyCheck> checks, ObjectProvider<HealthDetail> details, Brokers brokers,
                          @Value("${inmo.health.check-timeout:2s}") Duration timeout) {
    this.checks = checks;
    this.details = details.orderedStream().toList();
    this.brokers = brokers;
    this.timeout = timeout;
  }

  @GetMapping("/health")
  public Mono<ResponseEntity<HealthReport>> health(@AuthenticationPrincipal Jwt token) {
    Viewer viewer = token == null ? null : Viewer.of(token);
    boolean operator = viewer != null && viewer.seesAllBrokers();
    Mono<String> ownBroker = viewer != null && viewer.role() == Role.ADMIN && viewer.brokerId() != null
        ? brokers.findById(viewer.brokerId()).map(Broker::slug) : Mono.empty();
    return ownBroker.map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMap(slug -> health(operator, detail -> operator
            || (detail.brokerSlug() != null && slug.filter(detail.brokerSlug()::equalsIgnoreCase).isPresent())));
  }

  /** The checks, why the failing ones failed when {@code showErrors}, and the details {@code shows} lets through. */
  private Mono<ResponseEntity<HealthReport>> health(boolean showErrors, Predicate<HealthDetail> shows) {
    Mono<List<CheckResult>> results = Flux.fromIterable(checks)
        .flatMap(check -> check.probe()
            .timeout(timeout)
            .thenReturn(CheckResult.up(check.name()))
            .onErrorResume(e -> Mono.just(CheckResult.down(check.name(), describe(e)))))
        .collectList();
    Mono<Map<String, Object>> shown = Flux.fromIterable(details)
        .filter(shows)
        .flatMapSequential(detail -> detail.details()
            .timeout(timeout)
            .onErrorResume(e -> Mono.just(Map.of("error", describe(e))))
            .map(value -> Map.entry(detail.name(), value)))
        .collect(LinkedHashMap<String, Object>::new, (map, e) -> map.put(e.getKey(), e.getValue()));
    return Mono.zip(results, shown).map(both -> report(both.getT1(), both.getT2(), showErrors));
  }

  private ResponseEntity<HealthReport> report(List<CheckResult> results, Map<String, Object> shown,
                                              boolean showErrors) {
    Map<String, String> states = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    checks.forEach(c -> results.stream().filter(r -> r.name().equals(c.name())).findFirst().ifPresent(r -> {
      states.put(r.name(), r.up() ? "up" : "down");
      if (!r.up()) {
        errors.put(r.name(), r.error());
      }
    }));
    boolean healthy = errors.isEmpty();
    HealthReport body = new HealthReport(healthy ? "healthy" : "unhealthy", states,
        errors.isEmpty() || !showErrors ? null : errors, shown.isEmpty() ? null : shown);
    return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (e instanceof java.util.concurrent.TimeoutException) {
      return "no answer in time";
    }
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  record CheckResult(String name, boolean up, String error) {
    static CheckResult up(String name) {
      return new CheckResult(name, true, null);
    }

    static CheckResult down(String name, String error) {
      return new CheckResult(name, false, error);
    }
  }
}
