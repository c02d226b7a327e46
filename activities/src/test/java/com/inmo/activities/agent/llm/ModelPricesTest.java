package com.inmo.activities.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ModelPricesTest {

  @Test
  void theLongestPrefixWins() {
    // 1,000,000 in at $0.40 + 500,000 out at $1.60 = $1.20
    assertThat(ModelPrices.estimate("gpt-4.1-mini-2025-04-14", 1_000_000, 500_000)).isEqualByComparingTo("1.20");
    assertThat(ModelPrices.estimate("gpt-4.1", 1_000_000, 0)).isEqualByComparingTo("2.00");
    assertThat(ModelPrices.estimate("gemini-2.5-flash-lite", 1_000_000, 0)).isEqualByComparingTo("0.10");
    assertThat(ModelPrices.estimate("models/gemini-2.5-flash", 0, 1_000_000)).isEqualByComparingTo("2.50");
  }

  @Test
  void aTypicalTurnCostsFractionsOfACent() {
    BigDecimal turn = ModelPrices.estimate("claude-haiku-4-5-20251001", 1_500, 200);
    assertThat(turn).isEqualByComparingTo("0.002500");
    assertThat(turn.scale()).isEqualTo(6);
  }

  @Test
  void unknownModelsOrCountsHaveNoEstimate() {
    assertThat(ModelPrices.estimate("llama-3-70b", 100, 100)).isNull();
    assertThat(ModelPrices.estimate("gpt-4.1-mini", null, null)).isNull();
    assertThat(ModelPrices.estimate(null, 1, 1)).isNull();
  }
}
