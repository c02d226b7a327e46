package com.inmo.api.gateway;

import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadStart;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.OptOutRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Primary;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lead gateway in memory, for tests of the api's own behaviour (scoping, what a controller sends, how it shows
 * the answer): it records what each lead's workflow was sent and answers from the state a test scripted, with the
 * problems {@link GatewayProblems} makes of Temporal's answers. TemporalLeadGatewayTest pins the real one.
 * {@code @Primary} in a context that imports it ({@code FakeGatewayApiTest}); tests keep apart by workflow id.
 */
@Primary
public class FakeLeadGateway implements LeadGateway {

  /** One thing a workflow was sent: {@code start}, {@code inbound}, {@code optOut} or an update's name. */
  public record Sent(String what, Object argument) {
  }

  /** Components a view leaves out are empty: null, false, 0. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
  private final Map<String, LeadView> running = new ConcurrentHashMap<>();
  private final Map<String, ResponseStatusException> refusals = new ConcurrentHashMap<>();
  private final Map<String, List<Sent>> sent = new ConcurrentHashMap<>();

  /**
   * A lead's view as its workflow would answer it: the fields named (by {@link LeadView}'s component names, values
   * as in its JSON), the others empty.
   */
  public static LeadView view(String workflowId, Map<String, Object> fields) {
    Map<String, Object> all = new HashMap<>(fields);
    all.put("workflowId", workflowId);
    return JSON.convertValue(all, LeadView.class);
  }

  /** The lead's workflow runs, and answers its query and updates with {@code view}. */
  public void running(LeadView view) {
    running.put(view.workflowId(), view);
  }

  /** The workflow refuses its updates: {@code type} is the failure type it throws (see GatewayProblems#refused). */
  public void refuse(String workflowId, String type, String reason) {
    refusals.put(workflowId, GatewayProblems.refused(type, reason));
  }

  /** What the workflow was sent, oldest first. */
  public List<Sent> sent(String workflowId) {
    return List.copyOf(sent.getOrDefault(workflowId, List.of()));
  }

  @Override
  public Mono<Void> start(String workflowId, LeadStart start) {
    return Mono.defer(() -> {
      if (running.putIfAbsent(workflowId, view(workflowId, Map.of("stage", "NEW"))) != null) {
        return Mono.error(GatewayProblems.alreadyRunning(workflowId));
      }
      record(workflowId, "start", start);
      return Mono.empty();
    });
  }

  @Override
  public Mono<Void> inbound(String workflowId, LeadStart start, InboundMessage message) {
    return Mono.fromRunnable(() -> {
      if (running.putIfAbsent(workflowId, view(workflowId, Map.of("stage", "NEW"))) == null) {
        record(workflowId, "start", start);
      }
      record(workflowId, "inbound", message);
    });
  }

  @Override
  public Mono<Boolean> inboundIfRunning(String workflowId, InboundMessage message) {
    return Mono.fromCallable(() -> {
      if (!running.containsKey(workflowId)) {
        return false;
      }
      record(workflowId, "inbound", message);
      return true;
    });
  }

  @Override
  public Mono<LeadView> update(String workflowId, LeadUpdate update) {
    return Mono.defer(() -> {
      LeadView view = running.get(workflowId);
      if (view == null) {
        return Mono.error(GatewayProblems.notRunning());
      }
      if (refusals.containsKey(workflowId)) {
        return Mono.error(refusals.get(workflowId));
      }
      record(workflowId, update.name(), update.request());
      return Mono.just(view);
    });
  }

  @Override
  public Mono<Void> optOut(String workflowId, OptOutRequest request) {
    return Mono.defer(() -> {
      if (!running.containsKey(workflowId)) {
        return Mono.error(GatewayProblems.notRunning());
      }
      record(workflowId, "optOut", request);
      return Mono.empty();
    });
  }

  @Override
  public Mono<Optional<LeadView>> state(String workflowId) {
    return Mono.fromCallable(() -> Optional.ofNullable(running.get(workflowId)));
  }

  private void record(String workflowId, String what, Object argument) {
    sent.computeIfAbsent(workflowId, id -> new CopyOnWriteArrayList<>()).add(new Sent(what, argument));
  }
}
