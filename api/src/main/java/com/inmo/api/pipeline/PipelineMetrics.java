package com.inmo.api.pipeline;

import com.inmo.api.db.Where;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.LeadStage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The three queries behind {@code GET /api/v1/pipeline/metrics}, each over the viewer's leads (the scope and
 * channel conditions on {@code leads l}): the cohort's stages and how far each lead got, the stays in each
 * stage ended by a move of the period, and the response time to each inbound message of the period.
 * Figures come per channel and for all channels at once ({@code GROUPING SETS}), so medians are true medians.
 */
@Repository
public class PipelineMetrics {

  /** The forward pipeline; LOST is off it. Code constants, not input. */
  static final List<LeadStage> FUNNEL = Arrays.stream(LeadStage.values()).filter(s -> s != LeadStage.LOST).toList();
  private static final String FUNNEL_ARRAY = FUNNEL.stream().map(s -> "'" + s.name() + "'")
      .collect(Collectors.joining(",", "ARRAY[", "]::text[]"));

  private final DatabaseClient db;

  public PipelineMetrics(DatabaseClient db) {
    this.db = db;
  }

  /** @param reached the furthest funnel position (1 = NEW) the lead's stage or history shows */
  record StageCount(Channel channel, String stage, int reached, long leads) {
  }

  /** @param channel null for the row over all channels */
  record StageStay(Channel channel, String stage, double medianSeconds) {
  }

  record Responses(Channel channel, long answered, long unanswered, Double medianSeconds, Double p90Seconds) {
  }

  Mono<List<StageCount>> cohort(Where leads, Instant from, Instant to) {
    Where where = leads.copy();
    if (from != null) {
      where.add("l.created_at >= :from", "from", from);
    }
    if (to != null) {
      where.add("l.created_at < :to", "to", to);
    }
    String rank = "COALESCE(array_position(" + FUNNEL_ARRAY + ", %s), 0)";
    return where.bindAll(db.sql("""
            SELECT channel, stage, reached, count(*) AS n FROM (
              SELECT l.channel, l.stage, GREATEST(1, %s, COALESCE((
                  SELECT max(GREATEST(%s, %s)) FROM stage_history h WHERE h.lead_id = l.id), 0)) AS reached
                FROM leads l%s) t
             GROUP BY channel, stage, reached""".formatted(rank.formatted("l.stage"), rank.formatted("h.to_stage"),
            rank.formatted("h.from_stage"), where.sql())))
        .map((row, meta) -> new StageCount(Channel.valueOf(row.get("channel", String.class)),
            row.get("stage", String.class), row.get("reached", Integer.class), row.get("n", Long.class)))
        .all()
        .collectList();
  }

  Mono<List<StageStay>> stays(Where leads, Instant from, Instant to) {
    Where period = new Where();
    if (from != null) {
      period.add("moved_at >= :from", "from", from);
    }
    if (to != null) {
      period.add("moved_at < :to", "to", to);
    }
    period.add("moved_at >= entered_at");
    return period.bindAll(leads.bindAll(db.sql("""
            WITH moves AS (
              SELECT l.channel, h.moved_at,
                     COALESCE(h.from_stage, LAG(h.to_stage) OVER w, 'NEW') AS stage,
                     COALESCE(LAG(h.moved_at) OVER w, l.created_at) AS entered_at
                FROM stage_history h JOIN leads l ON l.id = h.lead_id%s
              WINDOW w AS (PARTITION BY h.lead_id ORDER BY h.moved_at, h.id))
            SELECT CASE WHEN GROUPING(channel) = 1 THEN NULL ELSE channel END AS channel, stage,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM moved_at - entered_at)) AS median
              FROM moves%s
             GROUP BY GROUPING SETS ((channel, stage), (stage))""".formatted(leads.sql(), period.sql()))))
        .map((row, meta) -> new StageStay(channel(row.get("channel", String.class)), row.get("stage", String.class),
            row.get("median", Double.class)))
        .all()
        .collectList();
  }

  Mono<List<Responses>> responses(Where leads, Instant from, Instant to) {
    Where where = leads.copy();
    where.add("m.direction = 'INBOUND'");
    if (from != null) {
      where.add("m.created_at >= :from", "from", from);
    }
    if (to != null) {
      where.add("m.created_at < :to", "to", to);
    }
    return where.bindAll(db.sql("""
            WITH inbound AS (
              SELECT l.channel, m.created_at AS at,
                     (SELECT min(o.created_at) FROM messages o
                       WHERE o.lead_id = m.lead_id AND o.direction = 'OUTBOUND' AND o.author IN ('AI', 'HUMAN')
                         AND o.created_at > m.created_at) AS answered_at
                FROM messages m JOIN leads l ON l.id = m.lead_id%s)
            SELECT CASE WHEN GROUPING(channel) = 1 THEN NULL ELSE channel END AS channel,
                   count(answered_at) AS answered, count(*) - count(answered_at) AS unanswered,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM answered_at - at)) AS median,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM answered_at - at)) AS p90
              FROM inbound
             GROUP BY GROUPING SETS ((channel), ())""".formatted(where.sql())))
        .map((row, meta) -> new Responses(channel(row.get("channel", String.class)), row.get("answered", Long.class),
            row.get("unanswered", Long.class), row.get("median", Double.class), row.get("p90", Double.class)))
        .all()
        .collectList();
  }

  private static Channel channel(String name) {
    return name == null ? null : Channel.valueOf(name);
  }
}
