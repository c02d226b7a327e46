package com.inmo.api.llm;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One model call as the worker posts it (the worker's {@code LlmCallRecord}): {@code leadId} is the lead's
 * workflow id, or null for a call not tied to a lead.
 */
public record LlmCall(String turnId, String leadId, String purpose, String provider, String model,
                      String promptVersion, int attempt, long latencyMs, Integer tokensIn, Integer tokensOut,
                      BigDecimal costUsd, String outcome, String error, Instant at) {
}
