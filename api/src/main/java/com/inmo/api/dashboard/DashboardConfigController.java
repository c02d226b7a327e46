package com.inmo.api.dashboard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/dashboard/config}: what the dashboard needs to know about this deployment and cannot
 * ask elsewhere. {@code temporalUiUrl} ({@code TEMPORAL_UI_URL}, without a trailing slash; null when unset)
 * and {@code temporalNamespace} ({@code TEMPORAL_NAMESPACE}) let the lead detail link to its workflow run
 * in the Temporal Web UI. Any signed-in user may read it.
 */
@RestController
public class DashboardConfigController {

  private final DashboardConfig config;

  public DashboardConfigController(@Value("${inmo.temporal-ui-url:}") String temporalUiUrl,
                                   @Value("${spring.temporal.namespace:default}") String temporalNamespace) {
    this.config = new DashboardConfig(normalise(temporalUiUrl),
        temporalNamespace == null || temporalNamespace.isBlank() ? "default" : temporalNamespace.trim());
  }

  @GetMapping("/api/v1/dashboard/config")
  public Mono<DashboardConfig> config() {
    return Mono.just(config);
  }

  /** Blank is none; only an http(s) address is a link the dashboard may open. */
  static String normalise(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String trimmed = url.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? trimmed : null;
  }

  public record DashboardConfig(String temporalUiUrl, String temporalNamespace) {
  }
}
