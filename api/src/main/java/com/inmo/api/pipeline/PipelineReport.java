package com.inmo.api.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's figures, for all the viewer's leads ({@code overall}) and per channel.
 *
 * @param from the period's start (inclusive), null for since the beginning
 * @param to   the period's end (exclusive), null for up to now
 */
public record PipelineReport(Instant from, Instant to, String channel, Figures overall, Map<String, Figures> byChannel) {

  /**
   * @param leads                leads created in the period (the cohort)
   * @param stages               the cohort's leads by current stage, every stage listed
   * @param conversion           per consecutive pair of stages NEW → … → WON: of the cohort's leads that reached
   *                             {@code from}, how many reached {@code to} or a later stage (a skipped stage counts
   *                             as passed); {@code rate} null when none reached {@code from}
   * @param lost                 the cohort's leads now LOST
   * @param medianSecondsInStage per stage, the median time leads spent in it before a move that happened in the
   *                             period (the first stay runs from the lead's creation); a stage left by no move is absent
   * @param responseTime         inbound messages of the period and how fast the next AI or human reply came
   */
  public record Figures(long leads, Map<String, Long> stages, List<Conversion> conversion, long lost,
                        Map<String, Double> medianSecondsInStage, ResponseTime responseTime) {
  }

  public record Conversion(String from, String to, long reached, long advanced, Double rate) {
  }

  /**
   * @param answered   inbound messages followed by an outbound AI or HUMAN message
   * @param unanswered inbound messages with no such reply (yet)
   */
  public record ResponseTime(long answered, long unanswered, Double medianSeconds, Double p90Seconds) {

    static final ResponseTime NONE = new ResponseTime(0, 0, null, null);
  }
}
