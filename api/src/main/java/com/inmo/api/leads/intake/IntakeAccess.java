package com.inmo.api.leads.intake;

import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.brokers.Brokers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Who may bring leads in: an admin or an agent, into their own broker (a superadmin belongs to none). */
@Component
class IntakeAccess {

  private final Brokers brokers;

  IntakeAccess(Brokers brokers) {
    this.brokers = brokers;
  }

  Mono<LeadIntake.Target> target(Viewer viewer) {
    if (viewer.brokerId() == null || (viewer.role() != Role.ADMIN && viewer.role() != Role.AGENT)) {
      return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
          "leads are created by an admin or agent of a broker"));
    }
    return brokers.findById(viewer.brokerId())
        .filter(b -> b.active())
        .map(b -> new LeadIntake.Target(b.id(), b.slug()))
        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "the broker is not active")));
  }
}
