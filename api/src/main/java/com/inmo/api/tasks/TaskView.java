package com.inmo.api.tasks;

import java.time.Instant;
import java.util.UUID;

/**
 * A task as the dashboard lists it, and the {@code data} of its {@code task_created} / {@code task_updated}
 * events: what to do about which lead, for whom, and once closed, by whom, when and with what note.
 *
 * @param doneBy the user who closed it; null while open, or when the lead's workflow closed it
 */
public record TaskView(UUID id, String brokerSlug, UUID leadId, String leadName, String workflowId, String kind,
                       String title, String detail, String status, UUID assigneeId, String assigneeName,
                       Instant dueAt, Instant createdAt, Instant doneAt, UUID doneBy, String doneByName,
                       String note) {

  static final String COLUMNS = """
      t.id, b.slug AS broker_slug, t.lead_id, l.name AS lead_name, t.workflow_id, t.kind, t.title, t.detail, t.status,
      t.assignee_id, a.full_name AS assignee_name, t.due_at, t.created_at, t.done_at, t.done_by,
      d.full_name AS done_by_name, t.note""";

  static final String FROM = """
      \sFROM tasks t JOIN leads l ON l.id = t.lead_id JOIN brokers b ON b.id = t.broker_id
      LEFT JOIN users a ON a.id = t.assignee_id LEFT JOIN users d ON d.id = t.done_by""";

  static TaskView map(io.r2dbc.spi.Readable r) {
    return new TaskView(r.get("id", UUID.class), r.get("broker_slug", String.class), r.get("lead_id", UUID.class),
        r.get("lead_name", String.class), r.get("workflow_id", String.class), r.get("kind", String.class),
        r.get("title", String.class), r.get("detail", String.class), r.get("status", String.class),
        r.get("assignee_id", UUID.class), r.get("assignee_name", String.class), r.get("due_at", Instant.class),
        r.get("created_at", Instant.class), r.get("done_at", Instant.class), r.get("done_by", UUID.class),
        r.get("done_by_name", String.class), r.get("note", String.class));
  }

  boolean open() {
    return TaskStatus.OPEN.name().equals(status);
  }
}
