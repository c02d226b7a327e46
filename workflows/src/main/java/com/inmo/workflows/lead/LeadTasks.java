package com.inmo.workflows.lead;

import com.inmo.workflows.activity.TaskClosure;
import com.inmo.workflows.activity.TaskKind;
import com.inmo.workflows.activity.TaskRecord;

/**
 * Tasks for the broker's people, opened and closed by the workflow (the dashboard's inbox lists them). Keys
 * derive from the life and a counter, so each occurrence is a task of its own and a retried activity opens it
 * once; the open ones are remembered so the workflow can close them when they no longer apply.
 */
final class LeadTasks {

  private final LeadCore core;
  private final LeadState s;

  LeadTasks(LeadCore core) {
    this.core = core;
    this.s = core.s;
  }

  /** Opens a task; a failure is not the lead's problem (the notification of the same event still goes out). */
  void open(TaskKind kind, String title, String detail) {
    String key = s.lifeKey() + ":task:" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + (++s.tasksOpened);
    TaskRecord task = new TaskRecord(s.leadId, s.workflowId, s.brokerSlug, kind.name(), title, detail, key, null,
        core.now());
    if (core.steps.quietly("open task", () -> core.steps.records.createTask(task))) {
      s.openTasks.put(key, kind.name());
    }
  }

  /** Closes the open tasks of that kind (all kinds when null). */
  void close(TaskKind kind, String status, String reason) {
    for (var open : java.util.List.copyOf(s.openTasks.entrySet())) {
      if (kind != null && !kind.name().equals(open.getValue())) {
        continue;
      }
      TaskClosure closure = new TaskClosure(s.leadId, s.workflowId, s.brokerSlug, open.getKey(), status, reason,
          core.now());
      if (core.steps.quietly("close task", () -> core.steps.records.closeTask(closure))) {
        s.openTasks.remove(open.getKey());
      }
    }
  }

  boolean hasOpen(TaskKind kind) {
    return s.openTasks.containsValue(kind.name());
  }
}
