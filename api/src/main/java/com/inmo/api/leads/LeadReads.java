package com.inmo.api.leads;

import com.inmo.api.auth.Viewer;
import com.inmo.api.db.Where;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The dashboard's lead queries, every one scoped to what the viewer may see: a lead outside it does not
 * exist for them (404, not 403, so ids of other tenants cannot be probed).
 */
@Repository
public class LeadReads {

  private static final String FROM = " FROM leads l JOIN brokers b ON b.id = l.broker_id";
  private final DatabaseClient db;

  public LeadReads(DatabaseClient db) {
    this.db = db;
  }

  /**
   * One page of the viewer's leads matching {@code query}, in {@code order}: after {@code cursor} when one
   * is given (keyset), else from {@code offset}. {@code nextCursor} continues after the page's last row,
   * null on the last page; {@code total} counts every match, whatever the page.
   */
  public Mono<LeadPage> list(Viewer viewer, LeadQuery query, LeadSort.Order order, LeadCursor cursor, int limit,
                             int offset) {
    Where where = scope(viewer);
    query.applyTo(where);
    Where page = where.copy();
    if (cursor != null) {
      cursor.restrict(page, order);
    }
    Mono<Long> total = where.bindAll(db.sql("SELECT count(*) AS n" + FROM + where.sql()))
        .map((row, meta) -> row.get("n", Long.class)).one();
    // one row more than asked tells whether a next page exists
    Mono<List<LeadRow>> rows = page.bindAll(db.sql("SELECT " + LeadRow.COLUMNS + FROM + page.sql() + order.orderBy()
            + " LIMIT :limit OFFSET :offset"))
        .bind("limit", limit + 1)
        .bind("offset", offset)
        .map((row, meta) -> LeadRow.map(row))
        .all()
        .collectList();
    return Mono.zip(rows, total).map(t -> {
      List<LeadRow> items = t.getT1().size() > limit ? t.getT1().subList(0, limit) : t.getT1();
      String next = t.getT1().size() > limit ? LeadCursor.after(order, items.get(items.size() - 1)).encode() : null;
      return new LeadPage(items, t.getT2(), limit, offset, next);
    });
  }

  public Mono<LeadRow> find(Viewer viewer, UUID id) {
    Where where = scope(viewer);
    where.add("l.id = :id", "id", id);
    return where.bindAll(db.sql("SELECT " + LeadRow.COLUMNS + FROM + where.sql()))
        .map((row, meta) -> LeadRow.map(row))
        .one();
  }

  /**
   * Broker scope for admins and agents, assignment scope for agents, nothing for a superadmin: conditions
   * on {@code leads l}, for every query of lead data (calls, metrics) to share.
   */
  public static Where scope(Viewer viewer) {
    Where where = new Where();
    if (!viewer.seesAllBrokers()) {
      // a token without a broker sees nothing rather than everything
      where.add("l.broker_id = :viewerBroker", "viewerBroker",
          viewer.brokerId() == null ? new UUID(0, 0) : viewer.brokerId());
    }
    if (viewer.onlyAssignedTo() != null) {
      where.add("l.assigned_agent_id = :viewerAgent", "viewerAgent", viewer.onlyAssignedTo());
    }
    return where;
  }

  /** @param nextCursor the {@code cursor} of the next page, null when this one is the last */
  public record LeadPage(List<LeadRow> items, long total, int limit, int offset, String nextCursor) {
  }
}
