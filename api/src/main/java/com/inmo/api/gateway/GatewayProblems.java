package com.inmo.api.gateway;

import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a Temporal error means to the api's callers, decided here once: the problems the gateways answer with
 * (and the tests' in-memory gateway too, so a test sees what production would).
 */
public final class GatewayProblems {

  /** Failure types of an update that say the request was well-formed but cannot be processed. */
  private static final Set<String> UNPROCESSABLE = Set.of("SlotNotOffered");
  /** Failure types that say a dependency of the workflow was down: try again later. */
  private static final Set<String> UNAVAILABLE = Set.of("CalendarUnavailable");

  private GatewayProblems() {
  }

  /** The workflow refused an update ({@code type}: its failure's type): 422, 503 or, for any other, 409. */
  public static ResponseStatusException refused(String type, String reason) {
    HttpStatus status = UNPROCESSABLE.contains(type) ? HttpStatus.UNPROCESSABLE_CONTENT
        : UNAVAILABLE.contains(type) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.CONFLICT;
    return new ResponseStatusException(status, reason);
  }

  public static ResponseStatusException notRunning() {
    return new ResponseStatusException(HttpStatus.CONFLICT, "the lead's workflow is no longer running");
  }

  public static ResponseStatusException alreadyRunning(String workflowId) {
    return new ResponseStatusException(HttpStatus.CONFLICT, "Workflow " + workflowId + " is already running");
  }

  public static ResponseStatusException unavailable() {
    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
        "The workflow service is not available; please retry");
  }

  /** A problem for what the Temporal client threw (or the timeout that gave up on it). */
  static ResponseStatusException of(Throwable e, String workflowId) {
    if (e instanceof ResponseStatusException problem) {
      return problem;
    }
    if (e instanceof WorkflowUpdateException update) {
      Throwable cause = update.getCause();
      while (cause != null && !(cause instanceof ApplicationFailure)) {
        cause = cause.getCause();
      }
      return cause instanceof ApplicationFailure failure ? refused(failure.getType(), failure.getOriginalMessage())
          : new ResponseStatusException(HttpStatus.CONFLICT, update.getMessage());
    }
    if (e instanceof WorkflowExecutionAlreadyStarted) {
      return alreadyRunning(workflowId);
    }
    if (e instanceof WorkflowNotFoundException) {
      return notRunning();
    }
    // unreachable, overloaded, or slower than we wait (the SDK retries for longer than any caller waits)
    return unavailable();
  }
}
