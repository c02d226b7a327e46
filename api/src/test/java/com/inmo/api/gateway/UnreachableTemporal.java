package com.inmo.api.gateway;

import com.inmo.api.support.StoppableServers;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;

/** The real gateway over a Temporal address nobody listens on: every call gives up after {@code timeout}. */
public final class UnreachableTemporal implements AutoCloseable {

  private final WorkflowServiceStubs stubs;
  private final LeadGateway gateway;

  public UnreachableTemporal(Duration timeout) {
    stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:" + StoppableServers.freePort()).build());
    gateway = new TemporalLeadGateway(WorkflowClient.newInstance(stubs),
        new GatewayProperties(timeout, timeout, timeout));
  }

  public LeadGateway gateway() {
    return gateway;
  }

  @Override
  public void close() {
    stubs.shutdownNow();
  }
}
