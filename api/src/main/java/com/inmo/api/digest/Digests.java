package com.inmo.api.digest;

import com.inmo.api.brokers.Broker;
import com.inmo.workflows.activity.DigestSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * One broker's day in figures, the day's bounds taken in the broker's time zone (a Santiago morning digest counts
 * Santiago's day, not UTC's).
 *
 * <ul>
 *   <li>newLeads: leads created that day</li>
 *   <li>hotLeads: leads now HOT or QUALIFIED that were active that day (row updated that day)</li>
 *   <li>visitsBooked: appointments made that day (whatever became of them since)</li>
 *   <li>lost: moves to LOST recorded that day</li>
 *   <li>needsAttention, inHumanMode: how many leads are in that state now (a state, not an event)</li>
 * </ul>
 */
@Repository
public class Digests {

  private final DatabaseClient db;

  public Digests(DatabaseClient db) {
    this.db = db;
  }

  public Mono<DigestSummary> of(Broker broker, LocalDate day) {
    ZoneId zone = broker.zone();
    Instant start = day.atStartOfDay(zone).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
    return db.sql("""
            SELECT
              (SELECT count(*) FROM leads WHERE broker_id = :b AND created_at >= :s AND created_at < :e) AS new_leads,
              (SELECT count(*) FROM leads WHERE broker_id = :b AND status IN ('HOT', 'QUALIFIED')
                  AND updated_at >= :s AND updated_at < :e) AS hot_leads,
              (SELECT count(*) FROM appointments WHERE broker_id = :b AND created_at >= :s AND created_at < :e)
                  AS visits_booked,
              (SELECT count(*) FROM leads WHERE broker_id = :b AND needs_attention) AS needs_attention,
              (SELECT count(*) FROM leads WHERE broker_id = :b AND human_mode) AS in_human_mode,
              (SELECT count(DISTINCT lead_id) FROM stage_history WHERE broker_id = :b AND to_stage = 'LOST'
                  AND moved_at >= :s AND moved_at < :e) AS lost""")
        .bind("b", broker.id())
        .bind("s", start)
        .bind("e", end)
        .map((row, meta) -> new DigestSummary(broker.slug(), day, count(row, "new_leads"), count(row, "hot_leads"),
            count(row, "visits_booked"), count(row, "needs_attention"), count(row, "in_human_mode"),
            count(row, "lost")))
        .one();
  }

  private static int count(io.r2dbc.spi.Readable row, String column) {
    Long n = row.get(column, Long.class);
    return n == null ? 0 : n.intValue();
  }
}
