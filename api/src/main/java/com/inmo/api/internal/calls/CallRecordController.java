package com.inmo.api.internal.calls;

import com.inmo.api.calls.Calls;
import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.leads.LeadSnapshots;
import com.inmo.api.web.Problems;
import com.inmo.workflows.activity.CallRecord;
import com.inmo.workflows.call.CallReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/v1/calls} ({@link CallRecord}, idempotent by {@code report.callWorkflowId}): the
 * worker records a call attempt after it ended. 201 for a new call
 * (and a {@code call_status} event); 200 when the activity's retry brings one already recorded (nothing
 * published), or when a final report completes a call recorded {@code IN_PROGRESS} (published); 409 while
 * the lead's row does not exist yet, or when the lead, broker or call id belong to someone else.
 */
@RestController
public class CallRecordController {

  private final LeadSnapshots leads;
  private final Calls calls;
  private final EventBus events;

  public CallRecordController(LeadSnapshots leads, Calls calls, EventBus events) {
    this.leads = leads;
    this.calls = calls;
    this.events = events;
  }

  @PostMapping("/internal/v1/calls")
  public Mono<ResponseEntity<Recorded>> record(@RequestBody CallRecord call) {
    CallReport r = call.report();
    if (call.leadId() == null || r == null) {
      return Mono.error(Problems.badRequest("leadId and report are required"));
    }
    if (r.callWorkflowId() == null || r.callWorkflowId().isBlank() || r.status() == null) {
      return Mono.error(Problems.badRequest("report.callWorkflowId and report.status are required"));
    }
    if (r.durationSeconds() < 0) {
      return Mono.error(Problems.badRequest("report.durationSeconds must not be negative"));
    }
    int attempt = call.attempt() < 1 ? 1 : call.attempt();
    return leads.requireFor(call.leadId(), call.workflowId(), call.brokerSlug())
        .flatMap(lead -> calls.save(lead.brokerId(), lead.id(), lead.workflowId(), attempt, call.startedAt(),
                call.endedAt(), r)
            .flatMap(written -> events.publish(LiveEvent.CALL_STATUS, lead.brokerSlug(), lead.id(), lead.workflowId(),
                    eventData(written.id(), attempt, call, r))
                .thenReturn(ResponseEntity.status(written.inserted() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(new Recorded(written.id(), written.inserted(), r.status().name()))))
            .switchIfEmpty(Mono.defer(() -> calls.find(r.callWorkflowId())
                .flatMap(stored -> stored.leadId().equals(lead.id())
                    ? Mono.just(ResponseEntity.ok(new Recorded(stored.id(), false, stored.status())))
                    : Mono.error(Problems.conflict("Call " + r.callWorkflowId() + " belongs to another lead"))))));
  }

  /** The event's data: the outcome without the transcript (the dashboard loads it with the call). */
  private static Map<String, Object> eventData(UUID callId, int attempt, CallRecord call, CallReport r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("callId", callId);
    data.put("callWorkflowId", r.callWorkflowId());
    data.put("attempt", attempt);
    data.put("provider", r.provider());
    data.put("providerCallId", r.providerCallId());
    data.put("status", r.status().name());
    data.put("endedReason", r.endedReason());
    data.put("durationSeconds", r.durationSeconds());
    data.put("summary", r.summary());
    data.put("startedAt", call.startedAt());
    data.put("endedAt", call.endedAt());
    return data;
  }

  /** @param created false when the call had been recorded before */
  public record Recorded(UUID id, boolean created, String status) {
  }
}
