package com.inmo.api.accounts;

import com.inmo.api.auth.Role;
import java.time.Instant;
import java.util.UUID;

/** A broker's user as admins see it; never the password hash. */
public record UserView(UUID id, UUID brokerId, String email, String fullName, Role role, boolean active,
                       Instant createdAt, Instant updatedAt) {
}
