package com.inmo.api.voice;

import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.gateway.CallGateway;
import com.inmo.api.voice.ProviderJson.CallMeta;
import com.inmo.workflows.call.CallReport;
import com.inmo.workflows.call.CallStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What both providers' webhooks do with a verified, parsed message: an end-of-call report is de-duplicated,
 * signalled to its call workflow, remembered, and shown live on the dashboard; a status update is only shown.
 * Temporal and Redis only, never the database.
 */
@Component
class VoiceHandoff {

  private final VoiceDedup dedup;
  private final CallGateway calls;
  private final EventBus events;

  VoiceHandoff(VoiceDedup dedup, CallGateway calls, EventBus events) {
    this.dedup = dedup;
    this.calls = calls;
    this.events = events;
  }

  /** The webhook's answer: {@code {"signalled": id}}, {@code {"ignored": why}}. */
  static Map<String, String> answer(String key, String value) {
    return Map.of(key, value);
  }

  /** Hands over the end-of-call report once; a copy is answered {@code {"ignored": "duplicate"}}. */
  Mono<Map<String, String>> endOfCall(CallMeta meta, CallReport report, String messageType) {
    String provider = report.provider();
    String callId = report.providerCallId() != null ? report.providerCallId() : report.callWorkflowId();
    return dedup.seen(provider, callId, messageType).flatMap(seen -> {
      if (seen) {
        return Mono.just(answer("ignored", "duplicate"));
      }
      return calls.report(report).flatMap(taken -> {
        if (!taken) {
          return Mono.just(answer("ignored", "no running call workflow " + report.callWorkflowId()));
        }
        return dedup.remember(provider, callId, messageType)
            .then(publish(meta, event(report.callWorkflowId(), provider, report.providerCallId(),
                report.status().name(), null, report)))
            .thenReturn(answer("signalled", report.callWorkflowId()));
      });
    });
  }

  /**
   * A live call status for the dashboard (ringing, in progress, ended…); nothing is signalled: the end-of-call
   * report carries the outcome to the workflow.
   */
  Mono<Map<String, String>> liveStatus(CallMeta meta, String provider, String callId, CallStatus status,
                                       String providerStatus, String endedReason) {
    return publish(meta, event(meta.callWorkflowId(), provider, callId, status.name(), providerStatus, null)
        .withEndedReason(endedReason))
        .thenReturn(answer("published", providerStatus == null ? "unknown" : providerStatus));
  }

  private Mono<Void> publish(CallMeta meta, EventData data) {
    if (meta.brokerSlug() == null) {
      return Mono.empty();
    }
    return events.publish(LiveEvent.CALL_STATUS, meta.brokerSlug(), meta.leadId(), meta.leadWorkflowId(), data.map());
  }

  private static EventData event(String callWorkflowId, String provider, String callId, String status,
                                 String providerStatus, CallReport report) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("callWorkflowId", callWorkflowId);
    data.put("provider", provider);
    data.put("providerCallId", callId);
    data.put("status", status);
    data.put("providerStatus", providerStatus);
    data.put("source", "webhook");
    if (report != null) {
      data.put("endedReason", report.endedReason());
      data.put("durationSeconds", report.durationSeconds());
      data.put("summary", report.summary());
    }
    return new EventData(data);
  }

  private record EventData(Map<String, Object> map) {
    EventData withEndedReason(String endedReason) {
      if (endedReason != null) {
        map.put("endedReason", endedReason);
      }
      return this;
    }
  }
}
