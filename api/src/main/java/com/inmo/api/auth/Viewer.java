package com.inmo.api.auth;

import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is reading, from the bearer token's claims (sub, role, broker_id), and so what they may see: a
 * superadmin everything, an admin their broker, an agent only the leads assigned to them.
 */
public record Viewer(UUID userId, Role role, UUID brokerId) {

  public static Viewer of(Jwt token) {
    Role role = Role.valueOf(token.getClaimAsString("role"));
    String broker = token.getClaimAsString("broker_id");
    return new Viewer(UUID.fromString(token.getSubject()), role, broker == null ? null : UUID.fromString(broker));
  }

  public boolean seesAllBrokers() {
    return role == Role.SUPERADMIN;
  }

  /** The agent whose assigned leads bound the view, or null when the whole broker is visible. */
  public UUID onlyAssignedTo() {
    return role == Role.AGENT ? userId : null;
  }
}
