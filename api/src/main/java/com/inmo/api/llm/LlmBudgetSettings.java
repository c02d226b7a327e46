package com.inmo.api.llm;

import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.BrokerSettings;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A broker's daily LLM budget from its {@code settings} document: {@code llmDailyTurns} model turns (default
 * {@value #DEFAULT_TURNS}) and {@code llmDailyBudgetUsd} US dollars of estimated cost (default
 * {@value #DEFAULT_USD}) per calendar day of the broker's time zone; whichever is reached first spends it. A
 * missing or broken value is the default: a typo must not stop the agent, nor lift the cap.
 */
public record LlmBudgetSettings(long turns, BigDecimal usd) {

  public static final long DEFAULT_TURNS = 2000;
  public static final String DEFAULT_USD = "20";
  public static final long MAX_TURNS = 1_000_000;
  public static final BigDecimal MAX_USD = new BigDecimal("100000");

  public static LlmBudgetSettings of(Broker broker, JsonMapper json) {
    JsonNode settings = BrokerSettings.document(broker, json);
    JsonNode turns = settings.path("llmDailyTurns");
    JsonNode usd = settings.path("llmDailyBudgetUsd");
    long t = turns.isIntegralNumber() && turns.asLong() >= 1 && turns.asLong() <= MAX_TURNS ? turns.asLong()
        : DEFAULT_TURNS;
    BigDecimal d = usd.isNumber() && usd.decimalValue().signum() > 0 && usd.decimalValue().compareTo(MAX_USD) <= 0
        ? usd.decimalValue() : new BigDecimal(DEFAULT_USD);
    return new LlmBudgetSettings(t, d);
  }
}
