package com.inmo.api.brokers;

import com.inmo.api.auth.Viewer;
import com.inmo.api.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/brokers/current/profile}: the signed-in user's broker as every one of its users may read
 * it (an AGENT too): its slug, name, time zone and agent's name, never its settings. The dashboard's test chat
 * needs the slug to open a web chat session as a lead would; {@code /api/v1/brokers/current} stays the admin's.
 * A superadmin has no broker of their own: 404.
 */
@RestController
@Tag(name = "Brokers", description = "Tenants and their settings")
public class BrokerProfileController {

  private final Brokers brokers;

  public BrokerProfileController(Brokers brokers) {
    this.brokers = brokers;
  }

  @GetMapping("/api/v1/brokers/current/profile")
  @Operation(summary = "The signed-in user's broker: slug, name, time zone, agent's name (any role of the broker)")
  public Mono<BrokerProfile> profile(@AuthenticationPrincipal Jwt jwt) {
    Viewer viewer = Viewer.of(jwt);
    if (viewer.brokerId() == null) {
      return Mono.error(Problems.notFound("A superadmin has no broker of their own"));
    }
    return brokers.findById(viewer.brokerId())
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Unknown broker")))
        .map(b -> new BrokerProfile(b.id(), b.slug(), b.name(), b.timeZone(), b.personaName(), b.active()));
  }

  public record BrokerProfile(UUID id, String slug, String name, String timeZone, String personaName,
                              boolean active) {
  }
}
