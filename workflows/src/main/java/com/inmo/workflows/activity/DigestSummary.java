package com.inmo.workflows.activity;

import java.time.LocalDate;

/** One broker's day: what the admin reads each morning. */
public record DigestSummary(String brokerSlug, LocalDate day, int newLeads, int hotLeads, int visitsBooked,
                            int needsAttention, int inHumanMode, int lost) {
}
