package com.inmo.workflows.lead;

/** Cancels the lead's booked visit. */
public record CancelVisitRequest(String userId, java.util.UUID appointmentId, String reason) {
}
