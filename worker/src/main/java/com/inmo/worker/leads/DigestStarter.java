package com.inmo.worker.leads;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.workflows.digest.DailyDigestWorkflow;
import com.inmo.workflows.digest.DigestStart;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Starts each active broker's daily digest workflow, idempotently: the fixed id means a second worker (or a
 * restart) finds it running and leaves it be.
 */
@Component
public class DigestStarter implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DigestStarter.class);

  private final WorkflowClient client;
  private final InternalApiClient api;

  public DigestStarter(WorkflowClient client, InternalApiClient api) {
    this.client = client;
    this.api = api;
  }

  static final int ATTEMPTS = 30;
  static final java.time.Duration PAUSE = java.time.Duration.ofSeconds(2);

  /** In the background: the api may still be starting (dev mode starts both at once, compose too). */
  @Override
  public void run(ApplicationArguments args) {
    Thread starter = new Thread(this::startAll, "digest-starter");
    starter.setDaemon(true);
    starter.start();
  }

  void startAll() {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        JsonNode brokers = InternalApiClient.JSON.readTree(
            InternalApiClient.expect(api.get("/internal/v1/brokers"), "broker list", 200).body());
        for (JsonNode broker : brokers) {
          start(broker.get("slug").asText(), broker.get("timeZone").asText());
        }
        return;
      } catch (Exception e) {
        if (attempt == ATTEMPTS) {
          // the digest is a convenience: a worker that cannot start it still serves leads
          log.warn("Daily digests not started: {}", e.getMessage());
          return;
        }
        try {
          Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void start(String slug, String timeZone) {
    DailyDigestWorkflow digest = client.newWorkflowStub(DailyDigestWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(DailyDigestWorkflow.workflowId(slug))
        .setTaskQueue(com.inmo.workflows.lead.LeadWorkflow.TASK_QUEUE)
        .build());
    try {
      WorkflowClient.start(digest::run, new DigestStart(slug, timeZone));
      log.info("Daily digest of broker '{}' started", slug);
    } catch (WorkflowExecutionAlreadyStarted e) {
      log.debug("Daily digest of broker '{}' already running", slug);
    } catch (WorkflowServiceException e) {
      log.warn("Daily digest of broker '{}' not started: {}", slug, e.getMessage());
    }
  }
}
