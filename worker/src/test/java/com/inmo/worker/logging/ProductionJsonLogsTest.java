package com.inmo.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.voice.SimulatedVoiceActivities;
import com.inmo.worker.WorkerApplication;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.activity.VoiceActivities;
import com.inmo.workflows.lead.QualificationFields;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * With the worker's settings and ENVIRONMENT=production, Spring Boot logs one JSON object a line, and a line an
 * activity (or the workflow) logs about a lead carries the lead's workflow id, from the MDC Temporal fills.
 * In development the same line stays plain text.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionJsonLogsTest {

  static final String LEAD = "lead-demo-webchat-jsonlogs";
  private static final ObjectMapper JSON = new ObjectMapper();

  @ActivityInterface
  public interface Greeting {
    String greet(String name);
  }

  public static class LoggingGreeting implements Greeting {
    private static final Logger log = LoggerFactory.getLogger(LoggingGreeting.class);

    @Override
    public String greet(String name) {
      log.info("activity greets {}", name);
      return "hola " + name;
    }
  }

  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String run(String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    @Override
    public String run(String name) {
      Workflow.getLogger(GreetingWorkflowImpl.class).info("workflow asks to greet {}", name);
      ActivityOptions options = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build();
      String greeting = Workflow.newActivityStub(Greeting.class, options).greet(name);
      // a real activity that logs from a thread of its own (the simulated call's report delivery)
      Workflow.newActivityStub(VoiceActivities.class, options).startCall(new StartCallRequest(LEAD + "-call-1", LEAD,
          UUID.fromString("00000000-0000-0000-0000-000000000001"), "demo", "+56987654325", "INITIAL_QUALIFICATION",
          LEAD + "-1", "Sofía", QualificationFields.EMPTY));
      return greeting;
    }
  }

  /** No beans: only Spring Boot's logging set-up from the worker's yml. */
  @Configuration(proxyBeanMethods = false)
  static class LoggingOnly {
  }

  private static void runALead(String environment, CapturedOutput output) throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (SimulatedVoiceActivities voice = new SimulatedVoiceActivities(
             new InternalApiClient("http://127.0.0.1:" + closed, "token"), Duration.ZERO);
         ConfigurableApplicationContext ignored = new SpringApplicationBuilder(LoggingOnly.class)
        .web(WebApplicationType.NONE)
        .properties("spring.config.name=" + WorkerApplication.CONFIG_NAME)
        .run("--ENVIRONMENT=" + environment);
         TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("json-logs");
      worker.registerWorkflowImplementationTypes(GreetingWorkflowImpl.class);
      worker.registerActivitiesImplementations(new LoggingGreeting(), voice);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      String answer = client.newWorkflowStub(GreetingWorkflow.class, WorkflowOptions.newBuilder()
          .setWorkflowId(LEAD).setTaskQueue("json-logs").build()).run("Ana");
      assertThat(answer).isEqualTo("hola Ana");
      // the call's report is delivered (and fails, nothing listens) on the simulated voice's thread
      await().atMost(Duration.ofSeconds(10)).until(() -> !linesWith(output, "Voice webhook unreachable").isEmpty());
    }
  }

  private static List<String> linesWith(CapturedOutput output, String text) {
    List<String> lines = new ArrayList<>();
    for (String line : output.getOut().split("\\R")) {
      if (line.contains(text)) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Test
  void inProductionAnActivitysLineIsJsonCarryingTheWorkflowId(CapturedOutput output) throws Exception {
    runALead("production", output);

    List<String> activity = linesWith(output, "activity greets Ana");
    assertThat(activity).hasSize(1);
    JsonNode line = JSON.readTree(activity.get(0));
    assertThat(line.path("message").asText()).isEqualTo("activity greets Ana");
    assertThat(line.path("log").path("level").asText(line.path("log.level").asText())).isEqualTo("INFO");
    assertThat(line.path("WorkflowId").asText()).isEqualTo(LEAD);
    assertThat(line.path("ActivityType").asText()).isEqualTo("Greet");
    assertThat(line.path("service").path("name").asText(line.path("service.name").asText())).isEqualTo("inmo-worker");

    List<String> workflow = linesWith(output, "workflow asks to greet Ana");
    assertThat(workflow).isNotEmpty();
    assertThat(JSON.readTree(workflow.get(0)).path("WorkflowId").asText()).isEqualTo(LEAD);

    // logged on the simulated voice's own thread, after the activity returned: the lead's id went along
    JsonNode delivery = JSON.readTree(linesWith(output, "Voice webhook unreachable").get(0));
    assertThat(delivery.path("process").path("thread").path("name").asText()).isEqualTo("simulated-voice");
    assertThat(delivery.path("WorkflowId").asText()).isEqualTo(LEAD);
    assertThat(delivery.path("ActivityType").asText()).isEqualTo("StartCall");
    assertThat(delivery.path("error").path("type").asText()).isNotBlank();
  }

  @Test
  void inDevelopmentTheSameLineIsPlainText(CapturedOutput output) throws Exception {
    runALead("development", output);

    List<String> activity = linesWith(output, "activity greets Ana");
    assertThat(activity).hasSize(1);
    assertThat(activity.get(0)).doesNotStartWith("{").contains("INFO");
  }
}
