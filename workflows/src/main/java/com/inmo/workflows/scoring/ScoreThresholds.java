package com.inmo.workflows.scoring;

/**
 * Per-broker boundaries between statuses: up to {@code coldMax} is cold, up to {@code warmMax} warm,
 * from {@code hotMin} hot, from {@code qualifiedMin} qualified. Defaults: 20 / 50 / 50 / 75.
 */
public record ScoreThresholds(int coldMax, int warmMax, int hotMin, int qualifiedMin) {

  public static final ScoreThresholds DEFAULTS = new ScoreThresholds(20, 50, 50, 75);

  public ScoreThresholds {
    if (!(0 <= coldMax && coldMax < warmMax && warmMax <= hotMin && hotMin <= qualifiedMin && qualifiedMin <= 100)) {
      throw new IllegalArgumentException("score thresholds must rise: cold " + coldMax + ", warm " + warmMax
          + ", hot " + hotMin + ", qualified " + qualifiedMin);
    }
  }
}
