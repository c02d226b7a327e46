package com.inmo.activities.voice;

import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.logging.LogContext;
import com.inmo.workflows.activity.CallStarted;
import com.inmo.workflows.activity.CallStatusRequest;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.activity.VoiceActivities;
import com.inmo.workflows.call.CallReport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code simulated} voice provider (dev mode, tests): no phone rings, but the call's end-of-call report
 * travels the real path, posted after a short delay to the api's voice webhook, which signals the call
 * workflow. The same idempotency key starts one call; the status poll answers the same report.
 */
public class SimulatedVoiceActivities implements VoiceActivities, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SimulatedVoiceActivities.class);

  private final InternalApiClient api;
  private final Duration reportDelay;
  private final Map<String, CallReport> calls = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "simulated-voice");
    t.setDaemon(true);
    return t;
  });

  public SimulatedVoiceActivities(InternalApiClient api, Duration reportDelay) {
    this.api = api;
    this.reportDelay = reportDelay;
  }

  @Override
  public CallStarted startCall(StartCallRequest request) {
    String callId = "sim-" + request.idempotencyKey();
    CallReport report = SimulatedCalls.reportFor(request, callId);
    if (calls.putIfAbsent(callId, report) == null) {
      // the delivery's log lines name the lead's workflow, as the activity's own do
      timer.schedule(LogContext.carrying(() -> deliver(report)), reportDelay.toMillis(), TimeUnit.MILLISECONDS);
    }
    return new CallStarted("simulated", callId);
  }

  @Override
  public CallReport callStatus(CallStatusRequest request) {
    CallReport report = calls.get(request.providerCallId());
    if (report == null) {
      throw new IllegalStateException("no simulated call " + request.providerCallId());
    }
    return report;
  }

  private void deliver(CallReport report) {
    try {
      InternalApiClient.Response response = api.post("/webhooks/voice/simulated", report);
      if (response.status() >= 300) {
        log.warn("Voice webhook answered {} for {}: the status poll will recover it", response.status(),
            report.providerCallId());
      }
    } catch (RuntimeException e) {
      log.warn("Voice webhook unreachable for {}: the status poll will recover it", report.providerCallId(), e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
