package com.inmo.api.tasks;

import com.inmo.api.auth.Viewer;
import com.inmo.api.db.Where;
import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.leads.LeadReads;
import com.inmo.api.web.Problems;
import com.inmo.api.web.QueryParams;
import com.inmo.workflows.activity.TaskKind;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The dashboard's tasks for humans, scoped like leads ({@link Tasks#scope}): a task outside the viewer's
 * scope does not exist for them (404).
 *
 * <p>{@code GET /api/v1/tasks}: open ones first, soonest due first, then the closed ones, last closed first.
 * Filters: {@code status} and {@code kind} (repeatable), {@code leadId} (a lead the viewer cannot see is
 * 404), {@code mine} (given to the viewer, or of a lead assigned to them); {@code limit}/{@code offset}.
 *
 * <p>{@code POST /api/v1/tasks/{id}/done} and {@code /dismiss}, with an optional {@code {"note"}}: closes the
 * task recording who and when (and publishes {@code task_updated}); the same action again answers the task
 * unchanged; the other one on a closed task is 409.
 */
@RestController
public class TaskController {

  static final int MAX_LIMIT = 200;

  private final Tasks tasks;
  private final LeadReads leads;
  private final EventBus events;

  public TaskController(Tasks tasks, LeadReads leads, EventBus events) {
    this.tasks = tasks;
    this.leads = leads;
    this.events = events;
  }

  @GetMapping("/api/v1/tasks")
  public Mono<Tasks.TaskPage> list(@AuthenticationPrincipal Jwt token,
                                   @RequestParam(required = false) List<String> status,
                                   @RequestParam(required = false) List<String> kind,
                                   @RequestParam(required = false) UUID leadId,
                                   @RequestParam(defaultValue = "false") boolean mine,
                                   @RequestParam(defaultValue = "50") int limit,
                                   @RequestParam(defaultValue = "0") int offset) {
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      return Mono.error(Problems.badRequest("limit must be 1–" + MAX_LIMIT + " and offset ≥ 0"));
    }
    return Mono.defer(() -> {
      List<TaskStatus> statuses = QueryParams.enumValues(TaskStatus.class, status, "status");
      List<TaskKind> kinds = QueryParams.enumValues(TaskKind.class, kind, "kind");
      Viewer viewer = Viewer.of(token);
      Where where = Tasks.scope(viewer);
      if (!statuses.isEmpty()) {
        where.add("t.status = ANY(:statuses)", "statuses", statuses.stream().map(Enum::name).toArray(String[]::new));
      }
      if (!kinds.isEmpty()) {
        where.add("t.kind = ANY(:kinds)", "kinds", kinds.stream().map(Enum::name).toArray(String[]::new));
      }
      if (mine) {
        where.add("(t.assignee_id = :me OR l.assigned_agent_id = :me)", "me", viewer.userId());
      }
      if (leadId == null) {
        return tasks.list(where, limit, offset);
      }
      where.add("t.lead_id = :leadId", "leadId", leadId);
      return leads.find(viewer, leadId)
          .switchIfEmpty(Mono.error(() -> Problems.notFound("No lead " + leadId)))
          .then(tasks.list(where, limit, offset));
    });
  }

  @PostMapping("/api/v1/tasks/{id}/done")
  public Mono<TaskView> done(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                             @RequestBody(required = false) NoteBody body) {
    return close(token, id, TaskStatus.DONE, body);
  }

  @PostMapping("/api/v1/tasks/{id}/dismiss")
  public Mono<TaskView> dismiss(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                @RequestBody(required = false) NoteBody body) {
    return close(token, id, TaskStatus.DISMISSED, body);
  }

  private Mono<TaskView> close(Jwt token, UUID id, TaskStatus target, NoteBody body) {
    String note = body == null ? null : body.note();
    if (note != null && note.trim().length() > Tasks.MAX_NOTE) {
      return Mono.error(Problems.badRequest("note must be at most " + Tasks.MAX_NOTE + " characters"));
    }
    Viewer viewer = Viewer.of(token);
    Where scope = Tasks.scope(viewer);
    return tasks.find(scope, id)
        .switchIfEmpty(Mono.error(() -> Problems.notFound("No task " + id)))
        .flatMap(task -> !task.open() ? settled(task, target)
            : tasks.close(id, target, viewer.userId(), note, null).flatMap(closed -> closed
                ? tasks.find(id).flatMap(view -> events.publish(LiveEvent.TASK_UPDATED, view.brokerSlug(),
                    view.leadId(), view.workflowId(), view).thenReturn(view))
                // closed meanwhile by someone else
                : tasks.find(scope, id).flatMap(now -> settled(now, target))));
  }

  /** A closed task: as it is when it was closed the way asked (a repeat), else 409. */
  private static Mono<TaskView> settled(TaskView task, TaskStatus target) {
    return target.name().equals(task.status()) ? Mono.just(task)
        : Mono.error(Problems.conflict("Task " + task.id() + " is already " + task.status()));
  }

  /** @param note what the agent did or why not (optional, at most 1,000 characters) */
  public record NoteBody(String note) {
  }
}
