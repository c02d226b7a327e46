package com.inmo.api.leads;

import com.inmo.api.auth.Viewer;
import com.inmo.api.db.Sql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private final DatabaseClient db;

  public LeadReads(DatabaseClient db) {
    this.db = db;
  }

  public Mono<LeadPage> list(Viewer viewer, String search, String stage, int limit, int offset) {
    Where where = scope(viewer);
    if (stage != null) {
      where.add("l.stage = :stage", "stage", stage);
    }
    if (search != null && !search.isBlank()) {
      where.add("(l.name ILIKE :q ESCAPE '\\' OR l.phone ILIKE :q ESCAPE '\\' OR l.email ILIKE :q ESCAPE '\\')",
          "q", Sql.containsPattern(search.trim()));
    }
    String from = " FROM leads l JOIN brokers b ON b.id = l.broker_id" + where.sql();
    Mono<Long> total = where.bindAll(db.sql("SELECT count(*) AS n" + from))
        .map((row, meta) -> row.get("n", Long.class)).one();
    Mono<List<LeadRow>> items = where.bindAll(db.sql("SELECT " + LeadRow.COLUMNS + from
            + " ORDER BY COALESCE(l.last_message_at, l.created_at) DESC, l.id LIMIT :limit OFFSET :offset"))
        .bind("limit", limit)
        .bind("offset", offset)
        .map((row, meta) -> LeadRow.map(row))
        .all()
        .collectList();
    return Mono.zip(items, total).map(t -> new LeadPage(t.getT1(), t.getT2(), limit, offset));
  }

  public Mono<LeadRow> find(Viewer viewer, UUID id) {
    Where where = scope(viewer);
    where.add("l.id = :id", "id", id);
    return where.bindAll(db.sql("SELECT " + LeadRow.COLUMNS + " FROM leads l JOIN brokers b ON b.id = l.broker_id"
            + where.sql()))
        .map((row, meta) -> LeadRow.map(row))
        .one();
  }

  /** Broker scope for admins and agents, assignment scope for agents, nothing for a superadmin. */
  static Where scope(Viewer viewer) {
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

  /** WHERE conditions with their bind values; the SQL text never contains input. */
  static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    void add(String condition, String name, Object value) {
      conditions.add(condition);
      values.put(name, value);
    }

    String sql() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec) {
      for (Map.Entry<String, Object> e : values.entrySet()) {
        spec = spec.bind(e.getKey(), e.getValue());
      }
      return spec;
    }
  }

  public record LeadPage(List<LeadRow> items, long total, int limit, int offset) {
  }
}
