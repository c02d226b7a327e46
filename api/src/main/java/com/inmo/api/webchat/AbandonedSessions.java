package com.inmo.api.webchat;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opening a session writes only its row (no lead, no workflow: those start with the first message), so a
 * visitor who opens the widget and leaves, or a script, leaves rows behind. Every
 * {@code inmo.webchat.cleanup-every} (1 h) the sessions older than {@code inmo.webchat.abandoned-after}
 * (24 h) that never became a lead are deleted; a session with a lead stays, its visitor still reads the
 * conversation. A visitor coming back to a deleted session gets 404, and the widget opens a new one.
 */
@Component
class AbandonedSessions {

  private static final Logger log = LoggerFactory.getLogger(AbandonedSessions.class);
  private final WebchatSessions sessions;
  private final Duration abandonedAfter;

  AbandonedSessions(WebchatSessions sessions, @Value("${inmo.webchat.abandoned-after:24h}") Duration abandonedAfter) {
    this.sessions = sessions;
    this.abandonedAfter = abandonedAfter;
  }

  @Scheduled(initialDelayString = "${inmo.webchat.cleanup-every:1h}", fixedDelayString = "${inmo.webchat.cleanup-every:1h}")
  Mono<Long> run() {
    return deleteOlderThan(abandonedAfter)
        .doOnNext(n -> {
          if (n > 0) {
            log.info("Deleted {} web chat sessions opened over {} ago and never written in", n, abandonedAfter);
          }
        })
        .onErrorResume(e -> {
          log.warn("Abandoned web chat sessions not deleted this time: {}", e.toString());
          return Mono.just(0L);
        });
  }

  Mono<Long> deleteOlderThan(Duration age) {
    return sessions.deleteWithoutLead(age);
  }
}
