package com.inmo.worker.replay;

import com.inmo.workflows.lead.LeadWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code replay [--limit N] [--workflow-id ID ...]}: before rolling out a worker, replays the histories of
 * running and recent workflows from the cluster against this build's workflow classes (those
 * {@code inmo-worker.yml} registers). A change that would break a running lead fails here, naming the
 * workflow and the first event the new code no longer reproduces, instead of failing in production.
 *
 * <p>Which executions: the ids given with {@code --workflow-id} (their latest run), else the newest
 * {@code --limit} (default {@value #DEFAULT_LIMIT}) runs of the registered workflow types from
 * {@code ListWorkflowExecutions} (a real cluster: running ones first, then by close time), else, on a server
 * without it (the embedded dev/test server), from {@code ListOpen}/{@code ListClosedWorkflowExecutions}
 * filtered here by type: running ones first, newest first. No api endpoint is needed.
 *
 * <p>Exit 0 when every history replays, 1 when one does not (do not roll out), 2 when the check could not be
 * made (wrong command line, Temporal unreachable, an unknown workflow id).
 */
public final class ReplayCommand {

  public static final String COMMAND = "replay";
  public static final int DEFAULT_LIMIT = 100;
  static final String DEFAULT_TARGET = "127.0.0.1:7233";
  static final String DEFAULT_NAMESPACE = "default";
  /** How the SDK names the event in its non-determinism errors ("Event 6 of type …", "event_id: 6", "EventId=6"). */
  private static final Pattern EVENT_ID =
      Pattern.compile("(?:[Ee]vent (\\d+) of type|event_id:? *(\\d+)|\\bEventId=(\\d+))");
  private static final long RPC_SECONDS = 10;

  private ReplayCommand() {
  }

  /** From {@code WorkerApplication.main}: the real environment and this build's workflow classes. */
  public static int run(String[] args) {
    CommandLogging.quiet();
    return run(args, System.getenv(), System.out, System.err, WorkerWorkflows.classes());
  }

  /** @param workflowClasses the implementations to replay against (a test passes a deliberately drifted one) */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                        List<Class<?>> workflowClasses) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println("Usage: " + COMMAND + " [--limit N] [--workflow-id ID ...]");
      return 2;
    }
    String target = value(env, "TEMPORAL_ADDRESS", DEFAULT_TARGET);
    String namespace = value(env, "TEMPORAL_NAMESPACE", DEFAULT_NAMESPACE);
    Set<String> types = workflowTypes(workflowClasses);
    out.println("Replaying against " + workflowClasses.stream().map(Class::getSimpleName)
        .collect(Collectors.joining(", ")) + " (workflow types " + String.join(", ", types) + ")");

    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      try {
        stubs.blockingStub().withDeadlineAfter(RPC_SECONDS, TimeUnit.SECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      } catch (StatusRuntimeException e) {
        err.println("Cannot reach Temporal at " + target + ": " + describe(e));
        return 2;
      }
      WorkflowClient client = WorkflowClient.newInstance(stubs,
          WorkflowClientOptions.newBuilder().setNamespace(namespace).build());

      List<Run> runs = new ArrayList<>();
      boolean unknown = false;
      if (!options.workflowIds().isEmpty()) {
        out.println("Workflows given on the command line: " + options.workflowIds().size());
        for (String id : options.workflowIds()) {
          try {
            WorkflowExecutionInfo info = stubs.blockingStub().withDeadlineAfter(RPC_SECONDS, TimeUnit.SECONDS)
                .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder().setNamespace(namespace)
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id)).build())
                .getWorkflowExecutionInfo();
            runs.add(run(info));
          } catch (StatusRuntimeException e) {
            out.println("FAIL " + id + ": not found in namespace '" + namespace + "': " + describe(e));
            unknown = true;
          }
        }
      } else {
        try {
          runs = listed(client, stubs, namespace, types, options.limit(), out);
        } catch (StatusRuntimeException e) {
          err.println("Cannot list the workflows of namespace '" + namespace + "' at " + target + ": " + describe(e)
              + " (name them with --workflow-id)");
          return 2;
        }
      }
      if (runs.isEmpty() && unknown) {
        return 2;
      }
      if (runs.isEmpty()) {
        out.println("Nothing to replay: no " + String.join("/", types) + " run in namespace '" + namespace + "'");
        return 0;
      }

      int ok = 0;
      int broken = 0;
      try (TestWorkflowEnvironment replayEnv = TestWorkflowEnvironment.newInstance()) {
        Worker worker = replayEnv.newWorker(LeadWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(workflowClasses.toArray(Class<?>[]::new));
        for (Run run : runs) {
          WorkflowExecutionHistory history;
          try {
            history = client.fetchHistory(run.workflowId(), run.runId());
          } catch (RuntimeException e) {
            out.println("FAIL " + run.workflowId() + ": history not fetched: " + describe(e));
            unknown = true;
            continue;
          }
          String label = run.workflowId() + " (run " + run.runId() + ", "
              + run.state() + ", " + history.getEvents().size() + " events)";
          try {
            worker.replayWorkflowExecution(history);
            out.println("OK   " + label);
            ok++;
          } catch (Exception e) {
            out.println("FAIL " + label + ": " + divergence(history, e));
            broken++;
          }
        }
      }
      if (broken > 0) {
        out.println("Replayed " + (ok + broken) + " runs: " + ok + " replay, " + broken
            + " would break on this build. Do not roll it out: keep the old code path behind Workflow.getVersion");
        return 1;
      }
      out.println("Replayed " + ok + " runs: every one replays on this build");
      return unknown ? 2 : 0;
    } finally {
      stubs.shutdownNow();
      stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  record Run(String workflowId, String runId, String state) {
  }

  /** The newest runs of the given types: the visibility query when the server has it, else open then closed. */
  static List<Run> listed(WorkflowClient client, WorkflowServiceStubs stubs, String namespace, Set<String> types,
                          int limit, PrintStream out) {
    String query = "WorkflowType IN (" + types.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "))
        + ")";
    try {
      List<Run> runs = client.listExecutions(query).limit(limit)
          .map(m -> new Run(m.getExecution().getWorkflowId(), m.getExecution().getRunId(), state(m.getStatus())))
          .toList();
      out.println("Workflows from ListWorkflowExecutions \"" + query + "\": " + runs.size() + " runs (newest "
          + limit + " at most)");
      return runs;
    } catch (RuntimeException e) {
      StatusRuntimeException status = statusOf(e);
      if (status == null || status.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw status != null ? status : e;
      }
    }
    // The embedded dev/test server: no visibility queries, and ListOpen/ListClosed ignore their filters.
    List<WorkflowExecutionInfo> open = new ArrayList<>();
    List<WorkflowExecutionInfo> closed = new ArrayList<>();
    com.google.protobuf.ByteString token = com.google.protobuf.ByteString.EMPTY;
    do {
      ListOpenWorkflowExecutionsResponse page = stubs.blockingStub().withDeadlineAfter(RPC_SECONDS, TimeUnit.SECONDS)
          .listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(namespace)
              .setMaximumPageSize(1000).setNextPageToken(token).build());
      open.addAll(page.getExecutionsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty() && open.size() < 100_000);
    token = com.google.protobuf.ByteString.EMPTY;
    do {
      ListClosedWorkflowExecutionsResponse page = stubs.blockingStub().withDeadlineAfter(RPC_SECONDS, TimeUnit.SECONDS)
          .listClosedWorkflowExecutions(ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(namespace)
              .setMaximumPageSize(1000).setNextPageToken(token).build());
      closed.addAll(page.getExecutionsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty() && closed.size() < 100_000);
    Comparator<WorkflowExecutionInfo> newestStart = Comparator.comparing(
        (WorkflowExecutionInfo i) -> Instant.ofEpochSecond(i.getStartTime().getSeconds(), i.getStartTime().getNanos()))
        .reversed();
    Comparator<WorkflowExecutionInfo> newestClose = Comparator.comparing(
        (WorkflowExecutionInfo i) -> Instant.ofEpochSecond(i.getCloseTime().getSeconds(), i.getCloseTime().getNanos()))
        .reversed();
    Map<String, Run> runs = new LinkedHashMap<>();
    open.stream().filter(i -> types.contains(i.getType().getName())).sorted(newestStart)
        .forEach(i -> runs.putIfAbsent(key(i.getExecution()), run(i)));
    closed.stream().filter(i -> types.contains(i.getType().getName())).sorted(newestClose)
        .forEach(i -> runs.putIfAbsent(key(i.getExecution()), run(i)));
    List<Run> chosen = runs.values().stream().limit(limit).toList();
    out.println("Workflows from ListOpen/ListClosedWorkflowExecutions (this server has no ListWorkflowExecutions): "
        + chosen.size() + " runs (newest " + limit + " at most, running ones first)");
    return chosen;
  }

  private static String key(WorkflowExecution execution) {
    return execution.getWorkflowId() + "/" + execution.getRunId();
  }

  private static Run run(WorkflowExecutionInfo info) {
    return new Run(info.getExecution().getWorkflowId(), info.getExecution().getRunId(), state(info.getStatus()));
  }

  private static String state(WorkflowExecutionStatus status) {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** "first diverging event 5 ACTIVITY_TASK_SCHEDULED (activity AgentTurn): <the SDK's reason>". */
  static String divergence(WorkflowExecutionHistory history, Throwable failure) {
    String reason = reason(failure);
    Matcher m = EVENT_ID.matcher(reason);
    HistoryEvent event = null;
    if (m.find()) {
      String digits = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      long id = Long.parseLong(digits);
      event = history.getEvents().stream().filter(e -> e.getEventId() == id).findFirst().orElse(null);
    }
    String where = event == null ? "first diverging event not named by the SDK"
        : "first diverging event " + event.getEventId() + " " + describe(event);
    return where + ": " + reason;
  }

  static String describe(HistoryEvent event) {
    String type = event.getEventType().name().replace("EVENT_TYPE_", "");
    String detail = switch (event.getEventType()) {
      case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ->
          "activity " + event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
      case EVENT_TYPE_TIMER_STARTED -> "timer " + event.getTimerStartedEventAttributes().getTimerId();
      case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED -> "child "
          + event.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowType().getName()
          + " " + event.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId();
      case EVENT_TYPE_MARKER_RECORDED -> "marker " + event.getMarkerRecordedEventAttributes().getMarkerName();
      case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED ->
          "signal " + event.getWorkflowExecutionSignaledEventAttributes().getSignalName();
      case EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED -> "signal "
          + event.getSignalExternalWorkflowExecutionInitiatedEventAttributes().getSignalName() + " to "
          + event.getSignalExternalWorkflowExecutionInitiatedEventAttributes().getWorkflowExecution().getWorkflowId();
      default -> "";
    };
    return detail.isEmpty() ? type : type + " (" + detail + ")";
  }

  /** The innermost message that says why, on one line (the non-determinism error, typically). */
  private static String reason(Throwable failure) {
    Throwable best = failure;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        best = t;
        if (t.getClass().getSimpleName().contains("NonDeterministic")) {
          break;
        }
      }
    }
    String message = best.getMessage() == null ? best.getClass().getSimpleName()
        : best.getClass().getSimpleName() + ": " + best.getMessage();
    // a replayed query wraps the workflow task's failure, stack trace included, in its own message
    int nested = message.lastIndexOf("NonDeterministicException: ");
    if (nested >= 0) {
      message = message.substring(nested);
    }
    message = message.replaceAll("\\s*\\n\\s*", " ");
    int trace = message.indexOf(" at io.temporal.");
    if (trace >= 0) {
      message = message.substring(0, trace);
    }
    return message.trim();
  }

  static Set<String> workflowTypes(List<Class<?>> classes) {
    Set<String> types = new LinkedHashSet<>();
    for (Class<?> c : classes) {
      POJOWorkflowImplMetadata metadata = POJOWorkflowImplMetadata.newInstance(c);
      for (POJOWorkflowMethodMetadata method : metadata.getWorkflowMethods()) {
        types.add(method.getName());
      }
    }
    return types;
  }

  private static StatusRuntimeException statusOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StatusRuntimeException s) {
        return s;
      }
    }
    return null;
  }

  private static String describe(Throwable e) {
    StatusRuntimeException status = statusOf(e);
    if (status != null) {
      return status.getStatus().getCode() + (status.getStatus().getDescription() == null ? ""
          : ": " + status.getStatus().getDescription());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  record Options(int limit, List<String> workflowIds) {

    static Options parse(String[] args) {
      int limit = DEFAULT_LIMIT;
      List<String> ids = new ArrayList<>();
      boolean readingIds = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (i == 0 && arg.equals(COMMAND)) {
          continue;
        }
        if (arg.equals("--limit") || arg.startsWith("--limit=")) {
          String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : (i + 1 < args.length ? args[++i] : "");
          try {
            limit = Integer.parseInt(value.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--limit takes a number, got '" + value + "'");
          }
          if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
          }
          readingIds = false;
        } else if (arg.equals("--workflow-id")) {
          readingIds = true;
        } else if (arg.startsWith("--workflow-id=")) {
          ids.add(arg.substring("--workflow-id=".length()));
          readingIds = true;
        } else if (readingIds && !arg.startsWith("--") && !arg.isBlank()) {
          ids.add(arg);
        } else {
          throw new IllegalArgumentException("Unexpected argument: " + arg);
        }
      }
      if (readingIds && ids.isEmpty()) {
        throw new IllegalArgumentException("--workflow-id needs at least one id");
      }
      return new Options(limit, List.copyOf(new LinkedHashSet<>(ids)));
    }
  }
}
