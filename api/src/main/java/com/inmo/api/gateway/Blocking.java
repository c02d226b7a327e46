package com.inmo.api.gateway;

import java.time.Duration;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A Temporal client call, which blocks on gRPC, as a {@link Mono} that keeps it off the event loop. */
final class Blocking {

  private Blocking() {
  }

  /** Runs {@code call} on a thread that may block, giving up after {@code timeout} ({@code TimeoutException}). */
  static <T> Mono<T> call(Callable<T> call, Duration timeout) {
    return Mono.fromCallable(call)
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(timeout);
  }
}
