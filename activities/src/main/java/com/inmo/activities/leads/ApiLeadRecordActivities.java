package com.inmo.activities.leads;

import static com.inmo.activities.api.InternalApiClient.expect;

import com.inmo.activities.api.InternalApiClient;
import com.inmo.workflows.activity.BrokerConfigRequest;
import com.inmo.workflows.activity.CallRecord;
import com.inmo.workflows.activity.DigestRequest;
import com.inmo.workflows.activity.DigestSummary;
import com.inmo.workflows.activity.LeadOpening;
import com.inmo.workflows.activity.LeadRecordActivities;
import com.inmo.workflows.activity.LeadSnapshot;
import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.activity.StageMoveRecord;
import com.inmo.workflows.activity.TaskClosed;
import com.inmo.workflows.activity.TaskClosure;
import com.inmo.workflows.activity.TaskRecord;
import com.inmo.workflows.activity.TaskSaved;
import com.inmo.workflows.activity.TeamNotification;
import com.inmo.workflows.broker.BrokerConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The read model, written through the api (which alone touches the database). Every call is idempotent. */
public class ApiLeadRecordActivities implements LeadRecordActivities {

  private final InternalApiClient api;

  public ApiLeadRecordActivities(InternalApiClient api) {
    this.api = api;
  }

  @Override
  public BrokerConfig brokerConfig(BrokerConfigRequest request) {
    return expect(api.get("/internal/v1/brokers/" + enc(request.brokerSlug()) + "/config"), "broker settings", 200)
        .as(BrokerConfig.class);
  }

  @Override
  public LeadOpening openLead(LeadSnapshot snapshot) {
    return expect(api.post("/internal/v1/leads/" + snapshot.leadId() + "/open", snapshot), "open lead", 200, 201)
        .as(LeadOpening.class);
  }

  @Override
  public void saveLead(LeadSnapshot snapshot) {
    expect(api.put("/internal/v1/leads/" + snapshot.leadId(), snapshot), "save lead", 200, 201, 204);
  }

  @Override
  public void recordMessage(MessageRecord message) {
    // 409: the lead's row is not there yet (its first save is retried too); Temporal retries this
    expect(api.post("/internal/v1/leads/" + message.leadId() + "/messages", message), "record message", 200, 201);
  }

  @Override
  public void recordStageMove(StageMoveRecord move) {
    expect(api.post("/internal/v1/leads/" + move.leadId() + "/stage-moves", move), "record stage move", 200, 201);
  }

  @Override
  public void recordCall(CallRecord call) {
    expect(api.post("/internal/v1/calls", call), "record call", 200, 201);
  }

  @Override
  public void notifyTeam(TeamNotification notification) {
    expect(api.post("/internal/v1/notifications", notification), "notify team", 200, 201);
  }

  @Override
  public TaskSaved createTask(TaskRecord task) {
    // 409: the lead's row is not there yet; Temporal retries this
    return expect(api.post("/internal/v1/leads/" + task.leadId() + "/tasks", task), "create task", 200, 201)
        .as(TaskSaved.class);
  }

  @Override
  public TaskClosed closeTask(TaskClosure closure) {
    InternalApiClient.Response response = expect(api.post("/internal/v1/leads/" + closure.leadId() + "/tasks/close",
        closure), "close task", 200, 404);
    // 404: no task under that key, so nothing to close (the workflow may close what it never opened)
    return response.status() == 404 ? new TaskClosed(null, false, null) : response.as(TaskClosed.class);
  }

  @Override
  public DigestSummary digest(DigestRequest request) {
    return expect(api.get("/internal/v1/brokers/" + enc(request.brokerSlug()) + "/digest?day=" + request.day()),
        "daily digest", 200).as(DigestSummary.class);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
