package com.inmo.activities.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.activities.api.InternalApiStub;
import com.inmo.workflows.activity.TaskClosed;
import com.inmo.workflows.activity.TaskClosure;
import com.inmo.workflows.activity.TaskKind;
import com.inmo.workflows.activity.TaskRecord;
import com.inmo.workflows.activity.TaskSaved;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks for humans as docs/internal-api.md has them: the record posted, 201/200 answers read, 409 retried. */
class TaskActivitiesWireTest {

  private static final UUID LEAD = UUID.fromString("0b1c0d1e-0000-4000-8000-0000000000aa");
  private static final UUID TASK = UUID.fromString("0b1c0d1e-0000-4000-8000-0000000000bb");
  private final InternalApiStub api = new InternalApiStub();
  private final ApiLeadRecordActivities records = new ApiLeadRecordActivities(api.client());

  @AfterEach
  void stop() {
    api.close();
  }

  private static TaskRecord task() {
    return new TaskRecord(LEAD, "lead-demo-webchat-s", "demo", TaskKind.CALL_LEAD.name(), "Llamar a Ana Rojas",
        "Pidió una llamada y no hay proveedor de voz.", "call-lead:1", Instant.parse("2026-12-01T14:00:00Z"),
        Instant.parse("2026-12-01T13:00:00Z"));
  }

  @Test
  void aTaskIsPostedUnderItsLeadAndANewOneAnswersCreated() {
    api.answer(201, "{\"id\":\"" + TASK + "\",\"created\":true}");

    TaskSaved saved = records.createTask(task());

    RecordedRequest request = api.next();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/internal/v1/leads/" + LEAD + "/tasks");
    assertThat(request.getHeader("X-Internal-Token")).isEqualTo(InternalApiStub.TOKEN);
    assertThat(request.getBody().readUtf8()).contains("\"kind\":\"CALL_LEAD\"").contains("\"key\":\"call-lead:1\"")
        .contains("\"title\":\"Llamar a Ana Rojas\"").contains("\"dueAt\":\"2026-12-01T14:00:00Z\"")
        .contains("\"at\":\"2026-12-01T13:00:00Z\"");
    assertThat(saved).isEqualTo(new TaskSaved(TASK, true));
  }

  @Test
  void theSameKeyAgainAnswersTheTaskAlreadyThere() {
    api.answer(200, "{\"id\":\"" + TASK + "\",\"created\":false}");

    assertThat(records.createTask(task())).isEqualTo(new TaskSaved(TASK, false));
  }

  @Test
  void aLeadRowNotThereYetIsRetriedAndABadTaskIsNot() {
    api.answer(409, "{\"detail\":\"Lead has no row yet\"}").answer(400, "{\"detail\":\"Unknown kind\"}");

    assertThatThrownBy(() -> records.createTask(task())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("409");
    assertThatThrownBy(() -> records.createTask(task())).isInstanceOf(ApplicationFailure.class)
        .satisfies(e -> assertThat(((ApplicationFailure) e).isNonRetryable()).isTrue());
  }

  @Test
  void aTaskIsClosedByItsKeyAndAKeyWithoutATaskIsNoFailure() {
    api.answer(200, "{\"id\":\"" + TASK + "\",\"closed\":true,\"status\":\"DONE\"}");
    api.answer(404, "{\"detail\":\"no task under that key\"}");
    TaskClosure closure = new TaskClosure(LEAD, "lead-demo-webchat-s", "demo", "call-lead:1", "DONE",
        "la llamada se hizo", Instant.parse("2026-12-01T15:00:00Z"));

    TaskClosed closed = records.closeTask(closure);
    TaskClosed missing = records.closeTask(closure);

    RecordedRequest request = api.next();
    assertThat(request.getPath()).isEqualTo("/internal/v1/leads/" + LEAD + "/tasks/close");
    assertThat(request.getBody().readUtf8()).contains("\"key\":\"call-lead:1\"").contains("\"status\":\"DONE\"");
    assertThat(closed).isEqualTo(new TaskClosed(TASK, true, "DONE"));
    assertThat(missing).isEqualTo(new TaskClosed(null, false, null));
  }
}
