package com.inmo.api.voice;

import com.inmo.api.internal.InternalToken;
import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.web.Problems;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The simulated voice provider's end-of-call webhook (dev mode and tests): the same path a real provider's
 * report takes, signalling the call's workflow. The simulator runs in the worker, so it authenticates with
 * the worker's shared internal token. Needs only Temporal, never the database.
 *
 * <p>200 once the signal is recorded; 404 when no such call workflow runs (the sender should stop);
 * 503 when Temporal cannot take it (the sender retries).
 */
@RestController
public class SimulatedVoiceWebhook {

  private static final Logger log = LoggerFactory.getLogger(SimulatedVoiceWebhook.class);
  private final WorkflowClient client;
  private final InternalToken token;

  public SimulatedVoiceWebhook(WorkflowClient client, @Value("${inmo.internal-api-token:}") String internalToken) {
    this.client = client;
    this.token = new InternalToken(internalToken);
  }

  @PostMapping("/webhooks/voice/simulated")
  public Mono<Signalled> report(@RequestHeader(name = InternalTokenFilter.HEADER, required = false) String given,
                                @RequestBody Mono<CallReport> body) {
    // checked before the body is read: a forged request costs us nothing
    if (!token.matches(given)) {
      return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Missing or wrong internal token"));
    }
    return body.flatMap(report -> {
      if (report.callWorkflowId() == null || report.callWorkflowId().isBlank() || report.status() == null) {
        return Mono.error(Problems.badRequest("callWorkflowId and status are required"));
      }
      return Mono.fromRunnable(() -> client.newWorkflowStub(CallWorkflow.class, report.callWorkflowId()).report(report))
          .subscribeOn(Schedulers.boundedElastic())
          .timeout(java.time.Duration.ofSeconds(10))
          .thenReturn(new Signalled(report.callWorkflowId()))
          .onErrorMap(e -> !(e instanceof ResponseStatusException), e -> {
            if (e instanceof WorkflowNotFoundException) {
              return Problems.notFound("No running call workflow " + report.callWorkflowId());
            }
            log.warn("Temporal did not take the call report of {}: {}", report.callWorkflowId(), e.toString());
            return Problems.unavailable("Temporal is not available; retry");
          });
    }).switchIfEmpty(Mono.error(() -> Problems.badRequest("A CallReport body is required")));
  }

  public record Signalled(String callWorkflowId) {
  }
}
