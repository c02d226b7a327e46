package com.inmo.api.auth;

import java.util.UUID;

/** A row of {@code users}: who may log in, in which broker, with which role. */
public record UserAccount(UUID id, UUID brokerId, String email, String passwordHash, String fullName,
                          Role role, boolean active) {
}
