package com.inmo.api.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of {@code GET /health}: overall status, one state per dependency, and why a failing one failed;
 * {@code details} holds what optional integrations report (Telegram's webhook), never part of the status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthReport(String status, Map<String, String> checks, Map<String, String> errors,
                           Map<String, Object> details) {
}
