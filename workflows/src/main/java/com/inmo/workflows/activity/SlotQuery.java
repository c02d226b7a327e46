package com.inmo.workflows.activity;

import java.time.Instant;

/** Free visit slots of a broker from {@code from} over the next {@code days}, at most {@code limit}. */
public record SlotQuery(String brokerSlug, Instant from, int days, int limit) {
}
