package com.inmo.workflows.activity;

import java.time.Instant;
import java.util.UUID;

/** @param appointmentId chosen by the workflow, so a retried booking finds its own appointment */
public record BookingRequest(String brokerSlug, UUID leadId, String workflowId, UUID appointmentId, Instant slotStart,
                             String leadName, String notes) {
}
