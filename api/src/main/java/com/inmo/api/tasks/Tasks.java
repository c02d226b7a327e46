package com.inmo.api.tasks;

import static com.inmo.api.db.Sql.nullable;

import com.inmo.api.auth.Viewer;
import com.inmo.api.db.Where;
import com.inmo.api.leads.LeadSnapshots.LeadRef;
import com.inmo.workflows.activity.TaskKind;
import com.inmo.workflows.activity.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The tasks table: tasks for humans, one per lead and workflow key. */
@Repository
public class Tasks {

  /** A closed task's note: the person's, or the workflow's reason for closing it. */
  public static final int MAX_NOTE = 1_000;

  /** Open ones first, soonest due (else oldest) first; then the closed ones, last closed first. */
  private static final String ORDER = """
      \sORDER BY (t.status = 'OPEN') DESC, CASE WHEN t.status = 'OPEN' THEN COALESCE(t.due_at, t.created_at) END,
      t.done_at DESC, t.created_at, t.id""";
  private final DatabaseClient db;

  public Tasks(DatabaseClient db) {
    this.db = db;
  }

  /**
   * What a viewer may see, like their leads: an admin their broker's tasks, an agent the tasks of leads
   * assigned to them and the tasks given to them (a lead that changed hands leaves its task with them),
   * a superadmin every one. Conditions on {@code tasks t} and {@code leads l}.
   */
  static Where scope(Viewer viewer) {
    Where where = new Where();
    if (!viewer.seesAllBrokers()) {
      // a token without a broker sees nothing rather than everything
      where.add("t.broker_id = :viewerBroker", "viewerBroker",
          viewer.brokerId() == null ? new UUID(0, 0) : viewer.brokerId());
    }
    if (viewer.onlyAssignedTo() != null) {
      where.add("(l.assigned_agent_id = :viewerAgent OR t.assignee_id = :viewerAgent)", "viewerAgent",
          viewer.onlyAssignedTo());
    }
    return where;
  }

  /**
   * Opens the task for the lead's assigned agent (if any); emits its id, nothing when the lead has a task
   * under that key already.
   */
  public Mono<UUID> insert(LeadRef lead, TaskRecord task, TaskKind kind) {
    return db.sql("""
            INSERT INTO tasks (id, broker_id, lead_id, workflow_id, key, kind, title, detail, assignee_id, due_at,
                created_at)
            VALUES (:id, :broker, :lead, :workflow, :key, :kind, :title, :detail,
                (SELECT assigned_agent_id FROM leads WHERE id = :lead), :due, COALESCE(:at, now()))
            ON CONFLICT (lead_id, key) DO NOTHING
            RETURNING id""")
        .bind("id", UUID.randomUUID())
        .bind("broker", lead.brokerId())
        .bind("lead", lead.id())
        .bind("workflow", lead.workflowId())
        .bind("key", task.key())
        .bind("kind", kind.name())
        .bind("title", task.title().trim())
        .bind("detail", nullable(blankToNull(task.detail()), String.class))
        .bind("due", nullable(task.dueAt(), Instant.class))
        .bind("at", nullable(task.at(), Instant.class))
        .map((row, meta) -> row.get("id", UUID.class))
        .one();
  }

  /** The lead's task under that key: its id and status. */
  public Mono<Keyed> byKey(UUID leadId, String key) {
    return db.sql("SELECT id, status FROM tasks WHERE lead_id = :lead AND key = :key")
        .bind("lead", leadId)
        .bind("key", key)
        .map((row, meta) -> new Keyed(row.get("id", UUID.class), row.get("status", String.class)))
        .one();
  }

  /**
   * Closes the task if it is still open, by {@code by} (null: its workflow), at {@code at} (null: now).
   * Emits true when this call closed it, false when it was closed already.
   */
  public Mono<Boolean> close(UUID id, TaskStatus status, UUID by, String note, Instant at) {
    return db.sql("""
            UPDATE tasks SET status = :status, done_at = COALESCE(:at, now()),
                done_by = (SELECT id FROM users WHERE id = :by), note = :note
            WHERE id = :id AND status = 'OPEN'""")
        .bind("status", status.name())
        .bind("at", nullable(at, Instant.class))
        .bind("by", nullable(by, UUID.class))
        .bind("note", nullable(blankToNull(note), String.class))
        .bind("id", id)
        .fetch().rowsUpdated()
        .map(n -> n > 0);
  }

  /** The task, whoever asks (for events). */
  public Mono<TaskView> find(UUID id) {
    return find(new Where(), id);
  }

  /** The task, when {@code where} (a viewer's {@link #scope}) lets it through. */
  Mono<TaskView> find(Where where, UUID id) {
    Where one = where.copy().add("t.id = :taskId", "taskId", id);
    return one.bindAll(db.sql("SELECT " + TaskView.COLUMNS + TaskView.FROM + one.sql()))
        .map((row, meta) -> TaskView.map(row))
        .one();
  }

  /** A page of the tasks matching {@code where}, in the list's order, and how many match in all. */
  Mono<TaskPage> list(Where where, int limit, int offset) {
    Mono<Long> total = where.bindAll(db.sql("SELECT count(*) AS n" + TaskView.FROM + where.sql()))
        .map((row, meta) -> row.get("n", Long.class)).one();
    Mono<List<TaskView>> items = where.bindAll(db.sql("SELECT " + TaskView.COLUMNS + TaskView.FROM + where.sql()
            + ORDER + " LIMIT :limit OFFSET :offset"))
        .bind("limit", limit)
        .bind("offset", offset)
        .map((row, meta) -> TaskView.map(row))
        .all()
        .collectList();
    return Mono.zip(items, total).map(t -> new TaskPage(t.getT1(), t.getT2(), limit, offset));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public record Keyed(UUID id, String status) {
  }

  public record TaskPage(List<TaskView> items, long total, int limit, int offset) {
  }
}
