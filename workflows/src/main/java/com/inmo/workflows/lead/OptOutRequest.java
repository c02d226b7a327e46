package com.inmo.workflows.lead;

/** Who recorded the opt-out ("lead" or a user id) and why. */
public record OptOutRequest(String by, String reason) {
}
