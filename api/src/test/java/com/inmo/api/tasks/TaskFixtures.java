package com.inmo.api.tasks;

import com.inmo.api.support.TestData;
import com.inmo.workflows.lead.LeadWorkflowIds;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Leads and tasks written as the worker writes them, through the internal endpoints. */
final class TaskFixtures {

  final WebTestClient internal;
  private final TestData data;

  TaskFixtures(com.inmo.api.internal.InternalServer server, TestData data) {
    this.internal = com.inmo.api.support.InternalApi.client(server);
    this.data = data;
  }

  /** A lead of {@code broker} assigned to {@code agent} (or nobody); answers its workflow id. */
  String lead(TestData.TestBroker broker, String name, UUID agent) {
    String workflowId = LeadWorkflowIds.imported(broker.slug(), UUID.randomUUID());
    internal.put().uri("/internal/v1/leads/" + LeadWorkflowIds.leadId(workflowId)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(TestData.snapshot(broker.slug(), workflowId, name, "+56987653000", "SCHEDULED", 80, "QUALIFIED"))
        .exchange().expectStatus().isNoContent();
    if (agent != null) {
      data.assign(LeadWorkflowIds.leadId(workflowId), agent);
    }
    return workflowId;
  }

  /** {@code POST /internal/v1/leads/{leadId}/tasks} of the workflow's lead. */
  WebTestClient.ResponseSpec create(String workflowId, Map<String, Object> body) {
    return internal.post().uri("/internal/v1/leads/" + LeadWorkflowIds.leadId(workflowId) + "/tasks")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  /** Creates a new task; answers its id. */
  String created(String workflowId, Map<String, Object> body) {
    return create(workflowId, body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
        .get("id").toString();
  }
}
