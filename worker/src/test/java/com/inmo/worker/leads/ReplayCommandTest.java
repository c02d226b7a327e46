package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.activities.agent.AgentTurnActivities;
import com.inmo.activities.agent.OfflineConversationalAgent;
import com.inmo.worker.replay.ReplayCommand;
import com.inmo.worker.replay.WorkerWorkflows;
import com.inmo.workflows.agent.AgentPersona;
import com.inmo.workflows.broker.BrokerConfig;
import com.inmo.workflows.broker.BusinessHours;
import com.inmo.workflows.call.CallWorkflowImpl;
import com.inmo.workflows.digest.DailyDigestWorkflowImpl;
import com.inmo.workflows.lead.Channel;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.LeadWorkflow;
import com.inmo.workflows.lead.LeadWorkflowIds;
import com.inmo.workflows.lead.LeadWorkflowImpl;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay command against a real (port-bound) Temporal server holding leads the current code started and
 * left running: it passes on this build and fails, naming the lead and the event, on a drifted one.
 */
class ReplayCommandTest {

  static TestServer.PortBoundTestServer server;
  static WorkflowServiceStubs stubs;
  static WorkerFactory factory;
  static Map<String, String> env;
  static final List<String> LEADS = List.of(LeadWorkflowIds.webchat("demo", "replay-ana"),
      LeadWorkflowIds.webchat("demo", "replay-beto"), LeadWorkflowIds.webchat("demo", "replay-caro"));

  @BeforeAll
  static void runLeadsOnAServer() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = TestServer.createPortBoundServer(port, true); // real time: the leads stay running on their timers
    env = Map.of("TEMPORAL_ADDRESS", "127.0.0.1:" + port, "TEMPORAL_NAMESPACE", "default");
    stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:" + port).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    factory = WorkerFactory.newInstance(client);
    ZoneId santiago = ZoneId.of("America/Santiago");
    InMemoryLeadRecords records = new InMemoryLeadRecords(new BrokerConfig("b-1", "demo",
        new AgentPersona("Sofía", "cercano", "Inmobiliaria Demo", List.of("Providencia", "Ñuñoa"), "es"),
        BusinessHours.always("America/Santiago"), null, null, 3, 6, Duration.ofHours(2), null));
    ScriptedVoice voice = new ScriptedVoice();
    voice.client = client;
    voice.clock = Instant::now;
    Worker worker = factory.newWorker(LeadWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(LeadWorkflowImpl.class, CallWorkflowImpl.class,
        DailyDigestWorkflowImpl.class);
    worker.registerActivitiesImplementations(new AgentTurnActivities(List.of(new OfflineConversationalAgent())),
        records, new InMemoryCalendar(santiago), new RecordingMessenger(records, Instant::now), voice);
    factory.start();

    String[] texts = {"Hola, me llamo Ana", "Busco un departamento de 2 dormitorios en Ñuñoa",
        "Mi presupuesto es de 3.500 UF"};
    for (String id : LEADS) {
      for (int i = 0; i < texts.length; i++) {
        LeadWorkflow stub = client.newWorkflowStub(LeadWorkflow.class, WorkflowOptions.newBuilder()
            .setWorkflowId(id).setTaskQueue(LeadWorkflow.TASK_QUEUE).build());
        BatchRequest request = client.newSignalWithStartRequest();
        request.add(stub::run, new LeadStart("demo", Channel.WEBCHAT, id.substring(id.lastIndexOf('-') + 1),
            "webchat", null, null, null));
        request.add(stub::inbound, InboundMessage.text("m-" + i, texts[i], Instant.now()));
        client.signalWithStart(request);
        awaitAnswered(client, id);
      }
    }
  }

  private static void awaitAnswered(WorkflowClient client, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    LeadView view = null;
    while (System.nanoTime() < deadline) {
      view = client.newWorkflowStub(LeadWorkflow.class, id).state();
      if (view.pendingInbound() == 0 && view.pendingOutbound() == 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(id + " never answered; last state " + view);
  }

  @AfterAll
  static void stop() {
    if (factory != null) {
      factory.shutdownNow();
    }
    if (stubs != null) {
      stubs.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }

  record Result(int exit, String out, String err) {
  }

  static Result replay(List<Class<?>> classes, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] full = new String[args.length + 1];
    full[0] = "replay";
    System.arraycopy(args, 0, full, 1, args.length);
    int exit = ReplayCommand.run(full, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), classes);
    Result result = new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.out.println(result.out() + result.err());
    return result;
  }

  @Test
  void theWorkerReplaysWhatItRegisters() {
    assertThat(WorkerWorkflows.classes()).containsExactly(LeadWorkflowImpl.class, CallWorkflowImpl.class,
        DailyDigestWorkflowImpl.class);
  }

  @Test
  void theRunningLeadsReplayOnThisBuild() {
    Result result = replay(WorkerWorkflows.classes());

    assertThat(result.exit()).as(result.err()).isZero();
    for (String id : LEADS) {
      assertThat(result.out()).containsPattern("(?m)^OK +" + id + " \\(run [^,]+, running, \\d+ events\\)$");
    }
    assertThat(result.out()).doesNotContain("FAIL").contains("Replayed 3 runs: every one replays on this build");
  }

  @Test
  void aDriftedWorkflowFailsNamingTheLeadAndTheFirstDivergingEvent() {
    Result result = replay(List.of(LeadWorkflowReplayTest.DriftedLeadWorkflow.class, CallWorkflowImpl.class,
        DailyDigestWorkflowImpl.class));

    assertThat(result.exit()).isEqualTo(1);
    for (String id : LEADS) {
      assertThat(result.out()).containsPattern("(?m)^FAIL " + id + " \\(run [^,]+, running, \\d+ events\\): "
          + "first diverging event \\d+ ACTIVITY_TASK_SCHEDULED \\(activity \\w+\\): NonDeterministicException: .*COMMAND_TYPE_START_TIMER");
    }
    // the drifted code's new timer is where the recorded history scheduled its first activity
    assertThat(result.out()).contains("3 would break on this build");
  }

  @Test
  void theIdsAndTheLimitChooseWhatIsReplayed() {
    Result one = replay(List.of(LeadWorkflowReplayTest.DriftedLeadWorkflow.class, CallWorkflowImpl.class,
        DailyDigestWorkflowImpl.class), "--workflow-id", LEADS.get(1));
    assertThat(one.exit()).isEqualTo(1);
    assertThat(one.out()).contains("FAIL " + LEADS.get(1)).doesNotContain(LEADS.get(0)).doesNotContain(LEADS.get(2));

    Result limited = replay(WorkerWorkflows.classes(), "--limit", "2");
    assertThat(limited.exit()).isZero();
    assertThat(limited.out()).contains("Replayed 2 runs");

    Result unknown = replay(WorkerWorkflows.classes(), "--workflow-id", "lead-demo-webchat-nobody");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.out()).contains("FAIL lead-demo-webchat-nobody: not found in namespace 'default'");
  }

  @Test
  void aWrongCommandLineOrAnUnreachableServerIsExit2() {
    assertThat(replay(WorkerWorkflows.classes(), "--limit", "zero").exit()).isEqualTo(2);
    assertThat(replay(WorkerWorkflows.classes(), "--workflow-id").exit()).isEqualTo(2);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = ReplayCommand.run(new String[] {"replay"}, Map.of("TEMPORAL_ADDRESS", "127.0.0.1:1"),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
        WorkerWorkflows.classes());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Cannot reach Temporal at 127.0.0.1:1");
  }
}
