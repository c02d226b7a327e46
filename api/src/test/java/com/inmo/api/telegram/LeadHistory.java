package com.inmo.api.telegram;

import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadStart;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Optional;

/** What a lead's workflow received, read from its Temporal history as the workflow will read it. */
final class LeadHistory {

  private LeadHistory() {
  }

  static List<InboundMessage> inbound(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .filter(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("inbound"))
        .map(e -> DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0,
            Optional.of(e.getWorkflowExecutionSignaledEventAttributes().getInput()), InboundMessage.class,
            InboundMessage.class))
        .toList();
  }

  static InboundMessage onlyInbound(WorkflowClient client, String workflowId) {
    List<InboundMessage> all = inbound(client, workflowId);
    if (all.size() != 1) {
      throw new AssertionError("expected one inbound signal in " + workflowId + ", got " + all);
    }
    return all.get(0);
  }

  static LeadStart start(WorkflowClient client, String workflowId) {
    HistoryEvent first = client.fetchHistory(workflowId).getEvents().get(0);
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0,
        Optional.of(first.getWorkflowExecutionStartedEventAttributes().getInput()), LeadStart.class, LeadStart.class);
  }

  static boolean exists(WorkflowClient client, String workflowId) {
    try {
      client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
          DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(client.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
              .build());
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }
}
