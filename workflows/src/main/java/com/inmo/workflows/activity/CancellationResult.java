package com.inmo.workflows.activity;

import java.util.UUID;

public record CancellationResult(UUID appointmentId, boolean cancelled) {
}
