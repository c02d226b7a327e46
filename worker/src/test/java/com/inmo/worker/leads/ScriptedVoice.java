package com.inmo.worker.leads;

import com.inmo.workflows.activity.CallStarted;
import com.inmo.workflows.activity.CallStatusRequest;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.activity.VoiceActivities;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.call.CallWorkflow;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A voice provider whose every call ends with the same outcome, reported the way the api's webhook does it
 * (a signal to the call workflow), or never (to exercise the status poll).
 */
class ScriptedVoice implements VoiceActivities {

  volatile CallStatus outcome = CallStatus.NO_ANSWER;
  volatile boolean webhookArrives = true;
  volatile WorkflowClient client;
  final List<StartCallRequest> started = new CopyOnWriteArrayList<>();
  final List<java.time.Instant> startedAt = new CopyOnWriteArrayList<>();
  volatile java.util.function.Supplier<java.time.Instant> clock;
  private final Map<String, CallReport> reports = new ConcurrentHashMap<>();

  @Override
  public CallStarted startCall(StartCallRequest request) {
    String id = "call-" + request.idempotencyKey();
    CallReport report = new CallReport(request.callWorkflowId(), "scripted", id, outcome, outcome.name().toLowerCase(),
        outcome == CallStatus.COMPLETED ? 60 : 0, outcome == CallStatus.COMPLETED ? "AI: Hola\nLead: Hola" : null,
        outcome == CallStatus.COMPLETED ? "El lead quiere visitar el sábado." : null, null, null);
    if (reports.putIfAbsent(id, report) == null) {
      started.add(request);
      startedAt.add(clock.get());
      if (webhookArrives) {
        // as the api's voice webhook does: a signal to the call workflow
        client.newWorkflowStub(CallWorkflow.class, request.callWorkflowId()).report(report);
      }
    }
    return new CallStarted("scripted", id);
  }

  @Override
  public CallReport callStatus(CallStatusRequest request) {
    return reports.get(request.providerCallId());
  }
}
