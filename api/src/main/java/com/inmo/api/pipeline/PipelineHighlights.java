package com.inmo.api.pipeline;

import com.inmo.api.db.Where;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The home page's figures beside the funnel, over the viewer's leads (the scope and channel conditions on
 * {@code leads l}): counts of today and this week, the leads to act on now, visits, the first reply to each
 * lead, and a weekly trend. Days and weeks are the broker's (weeks start on Monday, ISO).
 */
@Repository
public class PipelineHighlights {

  private final DatabaseClient db;

  public PipelineHighlights(DatabaseClient db) {
    this.db = db;
  }

  /** The calendar the figures are counted in: today's and this week's first instant, in {@code zone}. */
  record Calendar(ZoneId zone, Instant now) {

    LocalDate today() {
      return now.atZone(zone).toLocalDate();
    }

    Instant todayStart() {
      return today().atStartOfDay(zone).toInstant();
    }

    LocalDate weekStartDate() {
      return today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    Instant weekStart() {
      return weekStartDate().atStartOfDay(zone).toInstant();
    }

    /** The Monday {@code weeks - 1} weeks before this one: the trend's first week. */
    LocalDate firstWeek(int weeks) {
      return weekStartDate().minusWeeks(weeks - 1L);
    }
  }

  /** Counts of the moment (not of the period) and of the period's visits. */
  record Counts(long newToday, long newThisWeek, long hot, long needsAttention, long visitsBooked,
                long visitsUpcoming) {
  }

  /** The broker's time zone, or null for a viewer without a broker (a superadmin). */
  Mono<ZoneId> zoneOf(UUID brokerId) {
    if (brokerId == null) {
      return Mono.empty();
    }
    return db.sql("SELECT time_zone FROM brokers WHERE id = :id").bind("id", brokerId)
        .map((row, meta) -> row.get("time_zone", String.class))
        .one()
        .map(ZoneId::of);
  }

  Mono<Counts> counts(Where leads, Calendar calendar, Instant from, Instant to) {
    Where visits = new Where();
    if (from != null) {
      visits.add("a.created_at >= :from", "from", from);
    }
    if (to != null) {
      visits.add("a.created_at < :to", "to", to);
    }
    // the appointments of the viewer's leads: an inner join, so the lead scope applies to them too
    String sql = """
        SELECT
          (SELECT count(*) FROM leads l%1$s%2$s l.created_at >= :todayStart) AS new_today,
          (SELECT count(*) FROM leads l%1$s%2$s l.created_at >= :weekStart) AS new_week,
          (SELECT count(*) FROM leads l%1$s%2$s l.status IN ('HOT', 'QUALIFIED')
              AND l.stage NOT IN ('WON', 'LOST') AND NOT l.opted_out) AS hot,
          (SELECT count(*) FROM leads l%1$s%2$s l.needs_attention) AS attention,
          (SELECT count(*) FROM appointments a JOIN leads l ON l.id = a.lead_id%1$s%2$s a.status = 'BOOKED'%3$s)
              AS visits_booked,
          (SELECT count(*) FROM appointments a JOIN leads l ON l.id = a.lead_id%1$s%2$s a.status = 'BOOKED'
              AND a.slot_start >= :now) AS visits_upcoming""".formatted(leads.sql(),
        leads.sql().isEmpty() ? " WHERE" : " AND", visits.and());
    return visits.bindAll(leads.bindAll(db.sql(sql)))
        .bind("todayStart", calendar.todayStart())
        .bind("weekStart", calendar.weekStart())
        .bind("now", calendar.now())
        .map((row, meta) -> new Counts(row.get("new_today", Long.class), row.get("new_week", Long.class),
            row.get("hot", Long.class), row.get("attention", Long.class), row.get("visits_booked", Long.class),
            row.get("visits_upcoming", Long.class)))
        .one();
  }

  /**
   * The first reply to each lead: from the lead's first inbound message (when it falls in the period) to the
   * first AI or human message after it.
   */
  Mono<PipelineReport.ResponseTime> firstResponse(Where leads, Instant from, Instant to) {
    Where period = new Where();
    if (from != null) {
      period.add("first_at >= :from", "from", from);
    }
    if (to != null) {
      period.add("first_at < :to", "to", to);
    }
    return period.bindAll(leads.bindAll(db.sql("""
            WITH firsts AS (
              SELECT l.id, (SELECT min(m.created_at) FROM messages m
                             WHERE m.lead_id = l.id AND m.direction = 'INBOUND') AS first_at
                FROM leads l%s),
            answered AS (
              SELECT first_at, (SELECT min(o.created_at) FROM messages o
                                 WHERE o.lead_id = f.id AND o.direction = 'OUTBOUND' AND o.author IN ('AI', 'HUMAN')
                                   AND o.created_at > f.first_at) AS answered_at
                FROM firsts f WHERE first_at IS NOT NULL%s)
            SELECT count(answered_at) AS answered, count(*) - count(answered_at) AS unanswered,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM answered_at - first_at)) AS median,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM answered_at - first_at)) AS p90
              FROM answered""".formatted(leads.sql(), period.and()))))
        .map((row, meta) -> new PipelineReport.ResponseTime(row.get("answered", Long.class),
            row.get("unanswered", Long.class), row.get("median", Double.class), row.get("p90", Double.class)))
        .one();
  }

  /** Per week of the broker's calendar, the last {@code weeks} weeks up to this one, every week listed. */
  Mono<List<PipelineReport.Week>> weekly(Where leads, Calendar calendar, int weeks) {
    LocalDate first = calendar.firstWeek(weeks);
    Instant since = first.atStartOfDay(calendar.zone()).toInstant();
    String zone = calendar.zone().getId();
    String and = leads.sql().isEmpty() ? " WHERE" : " AND";
    String week = "(date_trunc('week', %s AT TIME ZONE CAST(:zone AS text)))::date";
    String sql = """
        SELECT 'leads' AS kind, %2$s AS week, count(*) AS n FROM leads l%1$s%3$s l.created_at >= :since GROUP BY 2
        UNION ALL
        SELECT 'won', %4$s, count(DISTINCT h.lead_id) FROM stage_history h JOIN leads l ON l.id = h.lead_id%1$s%3$s
               h.to_stage = 'WON' AND h.moved_at >= :since GROUP BY 2
        UNION ALL
        SELECT 'visits', %5$s, count(*) FROM appointments a JOIN leads l ON l.id = a.lead_id%1$s%3$s
               a.status = 'BOOKED' AND a.created_at >= :since GROUP BY 2""".formatted(leads.sql(),
        week.formatted("l.created_at"), and, week.formatted("h.moved_at"), week.formatted("a.created_at"));
    return leads.bindAll(db.sql(sql)).bind("zone", zone).bind("since", since)
        .map((row, meta) -> new Object[] {row.get("kind", String.class), row.get("week", LocalDate.class),
            row.get("n", Long.class)})
        .all()
        .collectList()
        .map(rows -> {
          Map<LocalDate, long[]> byWeek = new HashMap<>();
          for (Object[] r : rows) {
            long[] counts = byWeek.computeIfAbsent((LocalDate) r[1], k -> new long[3]);
            int i = switch ((String) r[0]) {
              case "leads" -> 0;
              case "won" -> 1;
              default -> 2;
            };
            counts[i] += (Long) r[2];
          }
          List<PipelineReport.Week> result = new ArrayList<>(weeks);
          for (int w = 0; w < weeks; w++) {
            LocalDate start = first.plusWeeks(w);
            long[] counts = byWeek.getOrDefault(start, new long[3]);
            result.add(new PipelineReport.Week(start, start.atStartOfDay(calendar.zone()).toInstant(), counts[0],
                counts[1], counts[2]));
          }
          return result;
        });
  }
}
