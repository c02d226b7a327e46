package com.inmo.api.health;

import reactor.core.publisher.Mono;

/**
 * Something {@code /health} reports under {@code details.<name>} without depending on it: whatever it
 * says (or fails to say), the status stays that of the required {@link DependencyCheck}s. Shown to a
 * SUPERADMIN, and to the ADMIN of {@link #brokerSlug()} when the detail belongs to one broker.
 */
public interface HealthDetail {

  String name();

  /** The broker whose integration this detail reports (its ADMIN may read it), or null for the platform's. */
  default String brokerSlug() {
    return null;
  }

  /** The detail to show, empty to show nothing (the feature is off); an error is shown as {@code {"error"}}. */
  Mono<Object> details();
}
