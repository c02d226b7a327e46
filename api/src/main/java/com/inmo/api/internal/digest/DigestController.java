package com.inmo.api.internal.digest;

import com.inmo.api.brokers.Brokers;
import com.inmo.api.digest.Digests;
import com.inmo.api.web.Problems;
import com.inmo.workflows.activity.DigestSummary;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /internal/v1/brokers/{slug}/digest?day=}: one broker's day for its daily digest ({@link Digests}). */
@RestController
public class DigestController {

  private final Brokers brokers;
  private final Digests digests;

  public DigestController(Brokers brokers, Digests digests) {
    this.brokers = brokers;
    this.digests = digests;
  }

  @GetMapping("/internal/v1/brokers/{slug}/digest")
  public Mono<DigestSummary> digest(@PathVariable String slug,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
    if (day == null) {
      return Mono.error(Problems.badRequest("day is required (yyyy-mm-dd)"));
    }
    return brokers.require(slug).flatMap(broker -> digests.of(broker, day));
  }
}
