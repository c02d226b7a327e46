package com.inmo.api.health;

import reactor.core.publisher.Mono;

/**
 * Something {@code /health} reports under {@code details.<name>} without depending on it: whatever it
 * says (or fails to say), the status stays that of the required {@link DependencyCheck}s.
 */
public interface HealthDetail {

  String name();

  /** The detail to show, empty to show nothing (the feature is off); an error is shown as {@code {"error"}}. */
  Mono<Object> details();
}
