package com.inmo.workflows.activity;

import java.util.UUID;

public record CancellationRequest(String brokerSlug, UUID appointmentId, String reason) {
}
