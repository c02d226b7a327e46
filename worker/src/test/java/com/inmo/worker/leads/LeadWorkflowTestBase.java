package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.activities.agent.AgentTurnActivities;
import com.inmo.activities.agent.OfflineConversationalAgent;
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
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The lead workflows in Temporal's time-skipping test environment, with the real offline agent. The
 * activities that reach the api are in-memory stand-ins with the api's semantics (the real ones are
 * tested against the real api). Each test's history is saved under target/histories for the replay suite.
 */
abstract class LeadWorkflowTestBase {

  static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  /** A Tuesday, 10:00 in Santiago. */
  static final Instant START = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, SANTIAGO).toInstant();

  TestWorkflowEnvironment env;
  WorkflowClient client;
  InMemoryLeadRecords records;
  InMemoryCalendar calendar;
  RecordingMessenger messenger;
  ScriptedVoice voice;
  private final AtomicInteger messageIds = new AtomicInteger();
  private final java.util.Set<String> started = new java.util.LinkedHashSet<>();
  private String testName;

  BrokerConfig config(BusinessHours hours) {
    return new BrokerConfig("b-1", "demo", new AgentPersona("Sofía", "cercano", "Inmobiliaria Demo",
        List.of("Providencia", "Ñuñoa", "Las Condes"), "es"), hours, null, null, 3, 6, Duration.ofHours(2), null);
  }

  @BeforeEach
  void startEnvironment(TestInfo info) {
    testName = info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
    client = env.getWorkflowClient();
    records = new InMemoryLeadRecords(config(BusinessHours.always("America/Santiago")));
    calendar = new InMemoryCalendar(SANTIAGO);
    messenger = new RecordingMessenger(records, () -> Instant.ofEpochMilli(env.currentTimeMillis()));
    voice = new ScriptedVoice();
    voice.client = client;
    voice.clock = this::now;
    Worker worker = env.newWorker(LeadWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(workflowTypes());
    worker.registerActivitiesImplementations(new AgentTurnActivities(List.of(new OfflineConversationalAgent())),
        records, calendar, messenger, voiceActivities());
    env.start();
  }

  /** The voice provider the workers run with: the scripted one, unless a test brings a real adapter. */
  com.inmo.workflows.activity.VoiceActivities voiceActivities() {
    return voice;
  }

  Class<?>[] workflowTypes() {
    return new Class<?>[] {LeadWorkflowImpl.class, CallWorkflowImpl.class, DailyDigestWorkflowImpl.class};
  }

  @AfterEach
  void saveHistoriesAndStop() throws IOException {
    Path dir = Path.of("target", "histories");
    Files.createDirectories(dir);
    for (String id : started) {
      // the workflow id travels in the name: replay needs it (child workflow ids derive from it)
      Files.writeString(dir.resolve(testName + "__" + id + ".json"), client.fetchHistory(id).toJson(true));
      // and the lead's calls (child workflows of a first life), for the call workflow's replay
      for (int attempt = 1; attempt <= 10; attempt++) {
        String call = LeadWorkflowIds.call(id, attempt);
        try {
          Files.writeString(dir.resolve(testName + "__" + call + ".json"), client.fetchHistory(call).toJson(true));
        } catch (RuntimeException noSuchCall) {
          break;
        }
      }
    }
    env.close();
  }

  String webchatLead(String session) {
    return LeadWorkflowIds.webchat("demo", session);
  }

  /** What the web chat endpoint does: signal-with-start. */
  void say(String workflowId, String text) {
    sayWithId(workflowId, "m-" + messageIds.incrementAndGet(), text);
  }

  void sayWithId(String workflowId, String messageId, String text) {
    send(workflowId, InboundMessage.text(messageId, text, now()));
  }

  /** Any kind of inbound message, as a channel's webhook hands it over. */
  void send(String workflowId, InboundMessage message) {
    LeadWorkflow stub = client.newWorkflowStub(LeadWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId).setTaskQueue(LeadWorkflow.TASK_QUEUE).build());
    for (int attempt = 1; ; attempt++) {
      // a batch request serves one call only: each attempt builds its own
      BatchRequest request = client.newSignalWithStartRequest();
      request.add(stub::run, startOf(workflowId));
      request.add(stub::inbound, message);
      try {
        client.signalWithStart(request);
        break;
      } catch (io.temporal.client.WorkflowServiceException e) {
        // the test server briefly answers "Completed workflow" while a run continues as new; the api
        // answers 503 then and the channel retries, as this does
        if (attempt == 5) {
          throw e;
        }
        sleepReal(50);
      }
    }
    started.add(workflowId);
  }

  /** Set by a test to make leads continue-as-new early. */
  Integer historyLimit;

  LeadStart startOf(String workflowId) {
    String ref = workflowId.substring(workflowId.lastIndexOf('-') + 1);
    boolean telegram = workflowId.contains("-telegram-");
    return new LeadStart("demo", telegram ? Channel.TELEGRAM : Channel.WEBCHAT, ref, telegram ? "telegram" : "webchat",
        null, null, historyLimit);
  }

  /** Saves this workflow's history too (a workflow the test started itself), for the replay suite. */
  void keepHistory(String workflowId) {
    started.add(workflowId);
  }

  LeadWorkflow lead(String workflowId) {
    return client.newWorkflowStub(LeadWorkflow.class, workflowId);
  }

  LeadView state(String workflowId) {
    return lead(workflowId).state();
  }

  /** Waits (real time) until the workflow's state satisfies the condition; time does not skip meanwhile. */
  LeadView await(String workflowId, Predicate<LeadView> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    LeadView view = null;
    while (System.nanoTime() < deadline) {
      view = state(workflowId);
      if (condition.test(view)) {
        return view;
      }
      sleepReal(25);
    }
    throw new AssertionError("condition not met; last state: " + view);
  }

  /**
   * Waits until a fake's record satisfies the condition: the workflow's query can answer before the read-model
   * write that follows the reply has reached the fake.
   */
  <T> T recorded(java.util.function.Supplier<T> read, Predicate<T> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    T value = read.get();
    while (!condition.test(value) && System.nanoTime() < deadline) {
      sleepReal(25);
      value = read.get();
    }
    return value;
  }

  /** Waits until every message of the lead is answered and nothing is due to go out now. */
  LeadView settled(String workflowId) {
    return await(workflowId, v -> v.pendingInbound() == 0 && (v.pendingOutbound() == 0
        || v.nextAction() != null && v.nextAction().at().isAfter(now())) && v.activeCallId() == null
        || v.needsAttention());
  }

  void says(String workflowId, String text) {
    say(workflowId, text);
    settled(workflowId);
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  String lastReply(String workflowId) {
    List<String> texts = records.outboundTextsOf(workflowId);
    assertThat(texts).as("replies of " + workflowId).isNotEmpty();
    return texts.get(texts.size() - 1);
  }

  static void sleepReal(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
