package com.inmo.api.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.inmo.workflows.lead.BookVisitRequest;
import com.inmo.workflows.lead.CancelVisitRequest;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.LeadWorkflow;
import com.inmo.workflows.lead.OptOutRequest;
import com.inmo.workflows.lead.ReleaseRequest;
import com.inmo.workflows.lead.RetryStepRequest;
import com.inmo.workflows.lead.TakeOverRequest;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.EncodedValues;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.DynamicQueryHandler;
import io.temporal.workflow.DynamicSignalHandler;
import io.temporal.workflow.DynamicUpdateHandler;
import io.temporal.workflow.DynamicWorkflow;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The real gateway against a real Temporal (the SDK's test server): what it sends arrives as the workflow reads it,
 * and what Temporal answers (a refusal, a closed workflow, no server at all) becomes the problem the api returns.
 * The workflow answering here is scripted by update name, so these tests pin the gateway, not the lead workflow.
 */
class TemporalLeadGatewayTest {

  static TestWorkflowEnvironment env;
  static WorkflowClient client;
  static TemporalLeadGateway gateway;
  static final GatewayProperties FAST = new GatewayProperties(Duration.ofSeconds(2), Duration.ofSeconds(10),
      Duration.ofSeconds(1));

  /**
   * Stands in for the lead workflow on its task queue: records its signals, answers {@code state} and
   * {@code takeOver} with a view of its id, and refuses the others as the real one may: a validator's refusal
   * ({@code release}, {@code retryFailedStep}), a failure of the update itself ({@code bookVisit}: slot not
   * offered, {@code cancelVisit}: calendar down).
   */
  public static class ScriptedLead implements DynamicWorkflow {
    @Override
    public Object execute(EncodedValues args) {
      Workflow.registerListener((DynamicSignalHandler) (name, values) -> { });
      Workflow.registerListener((DynamicQueryHandler) (name, values) -> view());
      Workflow.registerListener(new DynamicUpdateHandler() {
        @Override
        public void handleValidate(String name, EncodedValues values) {
          if (name.equals("release") || name.equals("retryFailedStep")) {
            throw new IllegalArgumentException("no step has failed");
          }
        }

        @Override
        public Object handleExecute(String name, EncodedValues values) {
          return switch (name) {
            case "bookVisit" -> throw ApplicationFailure.newNonRetryableFailure("the slot is not offered",
                "SlotNotOffered");
            case "cancelVisit" -> throw ApplicationFailure.newFailure("the calendar could not be reached",
                "CalendarUnavailable");
            default -> view();
          };
        }
      });
      Workflow.await(() -> false);
      return null;
    }

    private static Map<String, Object> view() {
      return Map.of("workflowId", Workflow.getInfo().getWorkflowId(), "stage", "PROFILING");
    }
  }

  @BeforeAll
  static void startTemporal() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(LeadWorkflow.TASK_QUEUE).registerWorkflowImplementationTypes(ScriptedLead.class);
    env.start();
    client = env.getWorkflowClient();
    gateway = new TemporalLeadGateway(client, FAST);
  }

  @AfterAll
  static void stopTemporal() {
    env.close();
  }

  static String newId() {
    return "lead-gw-webchat-" + UUID.randomUUID();
  }

  static LeadStart start() {
    return new LeadStart("gw", Channel.WEBCHAT, "session", "webchat", null, null);
  }

  static InboundMessage text(String id, String text) {
    return new InboundMessage(id, com.inmo.workflows.lead.MessageKind.TEXT, text, Instant.parse("2026-12-01T13:00:00Z"), null, null);
  }

  static List<HistoryEvent> history(String workflowId, EventType type) {
    return client.fetchHistory(workflowId).getEvents().stream().filter(e -> e.getEventType() == type).toList();
  }

  static void problem(Mono<?> call, int status, String detail) {
    assertThatThrownBy(() -> call.block(Duration.ofSeconds(20)))
        .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
          assertThat(e.getStatusCode().value()).isEqualTo(status);
          assertThat(e.getReason()).contains(detail);
        });
  }

  @Test
  void theFirstMessageStartsTheLeadsWorkflowAndTheNextOnesSignalIt() {
    String id = newId();
    gateway.inbound(id, start(), text("m1", "hola")).block();
    gateway.inbound(id, start(), text("m2", "busco depto")).block();

    List<HistoryEvent> started = history(id, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
    assertThat(started).hasSize(1);
    var attributes = started.get(0).getWorkflowExecutionStartedEventAttributes();
    assertThat(attributes.getWorkflowType().getName()).isEqualTo("LeadWorkflow");
    assertThat(attributes.getTaskQueue().getName()).isEqualTo(LeadWorkflow.TASK_QUEUE);
    assertThat(DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(attributes.getInput()),
        LeadStart.class, LeadStart.class)).isEqualTo(start());
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(history(id, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)).hasSize(2));
    assertThat(history(id, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)).extracting(e -> {
      var signal = e.getWorkflowExecutionSignaledEventAttributes();
      assertThat(signal.getSignalName()).isEqualTo("inbound");
      return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(signal.getInput()),
          InboundMessage.class, InboundMessage.class);
    }).containsExactly(text("m1", "hola"), text("m2", "busco depto"));
  }

  @Test
  void aMessageForALeadThatMustExistIsSignalledOnlyWhenItRuns() {
    String running = newId();
    gateway.inbound(running, start(), text("m1", "hola")).block();

    assertThat(gateway.inboundIfRunning(running, text("m2", "editado")).block()).isTrue();
    String stranger = newId();
    assertThat(gateway.inboundIfRunning(stranger, text("m1", "editado")).block()).isFalse();
    // a signal that arrives while a workflow task runs enters the history once that task completes
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(history(running, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)).hasSize(2));
  }

  @Test
  void aStartOfARunningLeadIs409() {
    String id = newId();
    gateway.start(id, start()).block();
    problem(gateway.start(id, start()), 409, "Workflow " + id + " is already running");
  }

  @Test
  void anUpdateAnswersWithTheWorkflowsViewAndAQueryWithItsState() {
    String id = newId();
    gateway.start(id, start()).block();

    LeadView view = gateway.update(id, LeadUpdate.takeOver(new TakeOverRequest("u1", "Ana"))).block();
    assertThat(view.workflowId()).isEqualTo(id);
    assertThat(gateway.state(id).block()).hasValueSatisfying(v -> assertThat(v.workflowId()).isEqualTo(id));
  }

  @Test
  void theWorkflowsRefusalsBecome409Or422Or503WithItsReason() {
    String id = newId();
    gateway.start(id, start()).block();

    problem(gateway.update(id, LeadUpdate.release(new ReleaseRequest("u1", null))), 409, "no step has failed");
    problem(gateway.update(id, LeadUpdate.retryFailedStep(new RetryStepRequest("u1"))), 409, "no step has failed");
    problem(gateway.update(id, LeadUpdate.bookVisit(new BookVisitRequest("u1", Instant.now(), null))), 422,
        "the slot is not offered");
    problem(gateway.update(id, LeadUpdate.cancelVisit(new CancelVisitRequest("u1", UUID.randomUUID(), "x"))), 503,
        "the calendar could not be reached");
  }

  @Test
  void aClosedLeadIs409ButStillShowsItsLastState() {
    String id = newId();
    gateway.start(id, start()).block();
    client.newUntypedWorkflowStub(id).terminate("closed for the test");

    problem(gateway.update(id, LeadUpdate.takeOver(new TakeOverRequest("u1", "Ana"))), 409,
        "the lead's workflow is no longer running");
    problem(gateway.optOut(id, new OptOutRequest("u1", "no molestar")), 409, "no longer running");
    // a worker replays a closed workflow to answer a query: the detail view shows where the lead ended (the
    // replay may take longer than one query's 3 s on a loaded machine: the view is asked again, as a reload does)
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> gateway.state(id).block().isPresent());
    assertThat(gateway.state(id).block()).hasValueSatisfying(v -> assertThat(v.workflowId()).isEqualTo(id));
    assertThat(gateway.state(newId()).block()).as("a workflow that never ran").isEmpty();
  }

  @Test
  void aLeadNoWorkerServesHasNoLiveStateWithinTheQueryTimeout() {
    String id = newId();
    client.newUntypedWorkflowStub("LeadWorkflow", WorkflowOptions.newBuilder().setWorkflowId(id)
        .setTaskQueue("nobody-polls-this-queue").build()).start(start());

    long started = System.nanoTime();
    assertThat(gateway.state(id).block()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void temporalDownIs503ForEveryCallAndNoLiveState() {
    try (UnreachableTemporal temporal = new UnreachableTemporal(Duration.ofSeconds(1))) {
      LeadGateway down = temporal.gateway();
      String id = newId();
      Consumer<Mono<?>> unavailable = call -> problem(call, 503, "not available");
      unavailable.accept(down.start(id, start()));
      unavailable.accept(down.inbound(id, start(), text("m1", "hola")));
      unavailable.accept(down.inboundIfRunning(id, text("m1", "hola")));
      unavailable.accept(down.update(id, LeadUpdate.takeOver(new TakeOverRequest("u1", "Ana"))));
      unavailable.accept(down.optOut(id, new OptOutRequest("u1", "no molestar")));
      assertThat(down.state(id).block()).isEmpty();
    }
  }
}
