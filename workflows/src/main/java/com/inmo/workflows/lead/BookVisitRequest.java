package com.inmo.workflows.lead;

import java.time.Instant;

/** Books a visit for the lead at a slot the calendar offers ({@code userId} null when the lead chose it). */
public record BookVisitRequest(String userId, Instant slotStart) {
}
