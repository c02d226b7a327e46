package com.inmo.workflows.activity;

import java.time.Instant;
import java.util.UUID;

/** @param reason why it was not booked: "taken" or "unavailable" */
public record BookingResult(boolean booked, UUID appointmentId, Instant slotStart, Instant slotEnd, String reason) {
}
