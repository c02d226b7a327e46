package com.inmo.activities.agent.llm;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One HTTP call to a model, as posted to the api ({@code POST /internal/v1/llm-calls}) for the dashboard's
 * cost view. A turn that needed a repair produces two records (attempt 1 and 2) sharing {@code turnId}.
 *
 * @param turnId        one id per agent turn or summary, shared by its attempts
 * @param leadId        the lead workflow's id (null for calls not tied to a lead)
 * @param purpose       {@code turn} (a chat reply) or {@code summary} (a voice-call summary)
 * @param provider      {@code gemini}, {@code claude} or {@code openai}
 * @param model         the model that answered (as the provider reports it, else the configured one)
 * @param promptVersion the prompt resource used, e.g. {@code agent-v1.es}
 * @param attempt       1, or 2 for the repair call
 * @param latencyMs     wall time of the HTTP call
 * @param tokensIn      prompt tokens reported by the provider (null when not reported)
 * @param tokensOut     completion tokens reported by the provider (null when not reported)
 * @param costUsd       estimated from {@link ModelPrices}; null for a model not in the table
 * @param outcome       the turn's outcome: {@code ok}, {@code repaired}, {@code fallback} or {@code error}
 * @param error         why: the validation problems or the exception, shortened; null when ok
 * @param at            when the call started
 */
public record LlmCallRecord(String turnId, String leadId, String purpose, String provider, String model,
                            String promptVersion, int attempt, long latencyMs, Integer tokensIn, Integer tokensOut,
                            BigDecimal costUsd, String outcome, String error, Instant at) {

  public static final String OK = "ok";
  public static final String REPAIRED = "repaired";
  public static final String FALLBACK = "fallback";
  public static final String ERROR = "error";
}
