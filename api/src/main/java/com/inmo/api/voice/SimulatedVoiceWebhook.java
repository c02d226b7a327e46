package com.inmo.api.voice;

import com.inmo.api.gateway.CallGateway;
import com.inmo.api.internal.InternalToken;
import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.web.Problems;
import com.inmo.workflows.call.CallReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

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

  private final CallGateway calls;
  private final InternalToken token;

  public SimulatedVoiceWebhook(CallGateway calls, @Value("${inmo.internal-api-token:}") String internalToken) {
    this.calls = calls;
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
      return calls.report(report).flatMap(taken -> taken
          ? Mono.just(new Signalled(report.callWorkflowId()))
          : Mono.error(Problems.notFound("No running call workflow " + report.callWorkflowId())));
    }).switchIfEmpty(Mono.error(() -> Problems.badRequest("A CallReport body is required")));
  }

  public record Signalled(String callWorkflowId) {
  }
}
