package com.inmo.api.internal.tasks;

import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.leads.LeadSnapshots.LeadRef;
import com.inmo.api.leads.LeadSnapshots;
import com.inmo.api.tasks.TaskStatus;
import com.inmo.api.tasks.Tasks;
import com.inmo.api.web.Problems;
import com.inmo.api.web.QueryParams;
import com.inmo.workflows.activity.TaskClosed;
import com.inmo.workflows.activity.TaskClosure;
import com.inmo.workflows.activity.TaskKind;
import com.inmo.workflows.activity.TaskRecord;
import com.inmo.workflows.activity.TaskSaved;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The worker's side of tasks for humans (docs/internal-api.md).
 *
 * <p>{@code POST /internal/v1/leads/{leadId}/tasks} ({@link TaskRecord}): 201 for a new task (and a
 * {@code task_created} event), 200 when the lead has a task under that key already (a retry: nothing
 * changes, nothing is published), 409 while the lead's row does not exist yet or when the workflow or broker
 * are not the lead's, 400 for an unknown kind or a missing or too long title or key.
 *
 * <p>{@code POST /internal/v1/leads/{leadId}/tasks/close} ({@link TaskClosure}): 200 {@link TaskClosed},
 * {@code closed} true (and a {@code task_updated} event) when it closed the open task, false when it was
 * closed already; 404 when the lead has no task under that key; 409 without the lead's row.
 */
@RestController
public class TaskRecordController {

  static final int MAX_TITLE = 200;
  static final int MAX_KEY = 200;
  static final int MAX_DETAIL = 2_000;

  private final LeadSnapshots leads;
  private final Tasks tasks;
  private final EventBus events;

  public TaskRecordController(LeadSnapshots leads, Tasks tasks, EventBus events) {
    this.leads = leads;
    this.tasks = tasks;
    this.events = events;
  }

  @PostMapping("/internal/v1/leads/{leadId}/tasks")
  public Mono<ResponseEntity<TaskSaved>> create(@PathVariable UUID leadId, @RequestBody TaskRecord task) {
    return Mono.defer(() -> {
      TaskKind kind = QueryParams.enumValue(TaskKind.class, task.kind(), "kind");
      if (kind == null) {
        return Mono.error(Problems.badRequest("kind is required: one of " + Arrays.toString(TaskKind.values())));
      }
      if (blank(task.title()) || task.title().trim().length() > MAX_TITLE) {
        return Mono.error(Problems.badRequest("title is required, at most " + MAX_TITLE + " characters"));
      }
      if (task.detail() != null && task.detail().trim().length() > MAX_DETAIL) {
        return Mono.error(Problems.badRequest("detail must be at most " + MAX_DETAIL + " characters"));
      }
      if (blank(task.key()) || task.key().length() > MAX_KEY) {
        return Mono.error(Problems.badRequest("key is required, at most " + MAX_KEY + " characters"));
      }
      return lead(leadId, task.leadId(), task.workflowId(), task.brokerSlug())
          .flatMap(lead -> tasks.insert(lead, task, kind)
              .flatMap(id -> tasks.find(id)
                  .flatMap(view -> events.publish(LiveEvent.TASK_CREATED, lead.brokerSlug(), lead.id(),
                      lead.workflowId(), view))
                  .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(new TaskSaved(id, true))))
              .switchIfEmpty(Mono.defer(() -> tasks.byKey(lead.id(), task.key())
                  .map(existing -> ResponseEntity.ok(new TaskSaved(existing.id(), false))))));
    });
  }

  @PostMapping("/internal/v1/leads/{leadId}/tasks/close")
  public Mono<TaskClosed> close(@PathVariable UUID leadId, @RequestBody TaskClosure closure) {
    return Mono.defer(() -> {
      TaskStatus target = QueryParams.enumValue(TaskStatus.class, closure.status(), "status");
      if (target == null || target == TaskStatus.OPEN) {
        return Mono.error(Problems.badRequest("status must be DONE or DISMISSED, got " + closure.status()));
      }
      if (blank(closure.key())) {
        return Mono.error(Problems.badRequest("key is required"));
      }
      if (closure.reason() != null && closure.reason().trim().length() > Tasks.MAX_NOTE) {
        return Mono.error(Problems.badRequest("reason must be at most " + Tasks.MAX_NOTE + " characters"));
      }
      return closeOpen(leadId, closure, target);
    });
  }

  private Mono<TaskClosed> closeOpen(UUID leadId, TaskClosure closure, TaskStatus target) {
    return lead(leadId, closure.leadId(), closure.workflowId(), closure.brokerSlug())
        .flatMap(lead -> tasks.byKey(lead.id(), closure.key())
            .switchIfEmpty(Mono.error(() -> Problems.notFound("Lead " + leadId + " has no task " + closure.key())))
            .flatMap(task -> tasks.close(task.id(), target, null, closure.reason(), closure.at())
                .flatMap(closed -> closed
                    ? tasks.find(task.id())
                        .flatMap(view -> events.publish(LiveEvent.TASK_UPDATED, lead.brokerSlug(), lead.id(),
                            lead.workflowId(), view))
                        .thenReturn(new TaskClosed(task.id(), true, target.name()))
                    // closed already, by a human or an earlier attempt: it stays as it is
                    : tasks.byKey(lead.id(), closure.key()).map(now -> new TaskClosed(now.id(), false, now.status())))));
  }

  /** The lead's row ({@link LeadSnapshots#requireFor}); 400 when the body names another lead than the path. */
  private Mono<LeadRef> lead(UUID leadId, UUID bodyLeadId, String workflowId, String brokerSlug) {
    if (bodyLeadId != null && !bodyLeadId.equals(leadId)) {
      return Mono.error(Problems.badRequest("leadId in the body differs from the path"));
    }
    return leads.requireFor(leadId, workflowId, brokerSlug);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
