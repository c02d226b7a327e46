package com.inmo.api.health;

import reactor.core.publisher.Mono;

/** One required dependency of the api; {@link #probe()} completes when it answers and errors when not. */
public interface DependencyCheck {

  String name();

  Mono<Void> probe();
}
