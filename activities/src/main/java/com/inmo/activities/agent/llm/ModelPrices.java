package com.inmo.activities.agent.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * List prices in US dollars per million tokens (input / output), standard tier, text only, no caching,
 * as published by OpenAI, Anthropic and Google in 2025. They drift: update this table when a vendor
 * changes a price or the default models change. A model is matched by the longest table key its name
 * starts with ("gpt-4.1-mini-2025-04-14" is "gpt-4.1-mini"); a model not in the table has no estimate
 * (cost recorded as null rather than a wrong number).
 *
 * <pre>
 * model prefix            in     out
 * gpt-4.1                 2.00   8.00
 * gpt-4.1-mini            0.40   1.60
 * gpt-4.1-nano            0.10   0.40
 * gpt-4o                  2.50  10.00
 * gpt-4o-mini             0.15   0.60
 * gpt-5                   1.25  10.00
 * gpt-5-mini              0.25   2.00
 * gpt-5-nano              0.05   0.40
 * claude-haiku-4-5        1.00   5.00
 * claude-3-5-haiku        0.80   4.00
 * claude-sonnet-4         3.00  15.00   (also 4-5, 4-6)
 * claude-opus-4-1        15.00  75.00
 * claude-opus-4-5         5.00  25.00   (also 4-6 and later)
 * gemini-2.5-flash        0.30   2.50
 * gemini-2.5-flash-lite   0.10   0.40
 * gemini-2.5-pro          1.25  10.00   (prompts up to 200k tokens)
 * gemini-2.0-flash        0.10   0.40
 * </pre>
 */
public final class ModelPrices {

  /** Dollars per million tokens. */
  public record Price(BigDecimal input, BigDecimal output) {
  }

  private static final Map<String, Price> TABLE = new LinkedHashMap<>();

  static {
    put("gpt-4.1", "2.00", "8.00");
    put("gpt-4.1-mini", "0.40", "1.60");
    put("gpt-4.1-nano", "0.10", "0.40");
    put("gpt-4o", "2.50", "10.00");
    put("gpt-4o-mini", "0.15", "0.60");
    put("gpt-5", "1.25", "10.00");
    put("gpt-5-mini", "0.25", "2.00");
    put("gpt-5-nano", "0.05", "0.40");
    put("claude-haiku-4-5", "1.00", "5.00");
    put("claude-3-5-haiku", "0.80", "4.00");
    put("claude-sonnet-4", "3.00", "15.00");
    put("claude-opus-4-1", "15.00", "75.00");
    put("claude-opus-4-5", "5.00", "25.00");
    put("claude-opus-4-6", "5.00", "25.00");
    put("claude-opus-4-7", "5.00", "25.00");
    put("claude-opus-4-8", "5.00", "25.00");
    put("gemini-2.5-flash", "0.30", "2.50");
    put("gemini-2.5-flash-lite", "0.10", "0.40");
    put("gemini-2.5-pro", "1.25", "10.00");
    put("gemini-2.0-flash", "0.10", "0.40");
  }

  private ModelPrices() {
  }

  private static void put(String prefix, String in, String out) {
    TABLE.put(prefix, new Price(new BigDecimal(in), new BigDecimal(out)));
  }

  public static Optional<Price> of(String model) {
    if (model == null) {
      return Optional.empty();
    }
    String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
    return TABLE.entrySet().stream()
        .filter(e -> name.startsWith(e.getKey()))
        .max(Comparator.comparingInt(e -> e.getKey().length()))
        .map(Map.Entry::getValue);
  }

  /** Estimated dollars for one call (6 decimals), or null when the model or the token counts are unknown. */
  public static BigDecimal estimate(String model, Integer tokensIn, Integer tokensOut) {
    Optional<Price> price = of(model);
    if (price.isEmpty() || (tokensIn == null && tokensOut == null)) {
      return null;
    }
    BigDecimal in = price.get().input().multiply(BigDecimal.valueOf(tokensIn == null ? 0 : tokensIn));
    BigDecimal out = price.get().output().multiply(BigDecimal.valueOf(tokensOut == null ? 0 : tokensOut));
    return in.add(out).divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
  }
}
