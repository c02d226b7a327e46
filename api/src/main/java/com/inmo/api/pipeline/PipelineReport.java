package com.inmo.api.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's figures, for all the viewer's leads ({@code overall}) and per channel, with the home page's
 * highlights and weekly trend (over the same leads and channel).
 *
 * @param from       the period's start (inclusive), null for since the beginning
 * @param to         the period's end (exclusive), null for up to now
 * @param timeZone   the time zone days and weeks are counted in: the broker's, or the {@code timeZone} asked for
 * @param highlights figures of the moment and of the period, for all channels asked for
 * @param weekly     the last weeks up to the current one, oldest first, every week listed
 */
public record PipelineReport(Instant from, Instant to, String channel, Figures overall, Map<String, Figures> byChannel,
                             String timeZone, Highlights highlights, List<Week> weekly) {

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

  /**
   * @param todayStart     today's first instant in the time zone; {@code newToday} counts leads created since
   * @param weekStart      this week's Monday 00:00 in the time zone; {@code newThisWeek} counts leads created since
   * @param hot            open leads (not WON or LOST, not opted out) now HOT or QUALIFIED
   * @param needsAttention leads now needing attention
   * @param visitsBooked   visits booked in the period and still booked
   * @param visitsUpcoming booked visits from now on
   * @param won            the cohort's leads that reached WON
   * @param conversionRate {@code won / leads} of the cohort, null without leads
   * @param firstResponse  per lead whose first inbound message falls in the period, the time to the first AI or
   *                       human reply after it
   */
  public record Highlights(Instant todayStart, Instant weekStart, long newToday, long newThisWeek, long hot,
                           long needsAttention, long visitsBooked, long visitsUpcoming, long won,
                           Double conversionRate, ResponseTime firstResponse) {
  }

  /**
   * One week of the trend.
   *
   * @param week   its Monday in the time zone
   * @param start  that Monday's 00:00 as an instant
   * @param leads  leads created in the week
   * @param won    leads moved to WON in the week
   * @param visits visits booked in the week (and still booked)
   */
  public record Week(LocalDate week, Instant start, long leads, long won, long visits) {
  }
}
