package com.inmo.api.events;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live events across api replicas. A write publishes on the Redis channel; every replica holds one
 * subscription to it and fans each event out locally to all its SSE streams, so a browser connected to
 * any replica sees a change made through any other.
 *
 * <p>Best effort by design: the read model in PostgreSQL is the truth and a dashboard reloads it on
 * connect, so a publish that fails (Redis down) is logged, never fails the write that caused it.
 */
@Component
public class EventBus implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventBus.class);

  private final EventLog eventLog;
  private final ReactiveRedisConnectionFactory connections;
  private final JsonMapper json;
  private final ChannelTopic topic;
  // best effort per subscriber: one slow SSE client drops its own events, never stalls the others
  private final Sinks.Many<LiveEvent> local = Sinks.many().multicast().directBestEffort();
  private final AtomicReference<Disposable> subscription = new AtomicReference<>();
  private final Sinks.One<Void> subscribed = Sinks.one();

  public EventBus(EventLog eventLog, ReactiveRedisConnectionFactory connections, JsonMapper json,
                  @Value("${inmo.events.channel:inmo:events}") String channel) {
    this.eventLog = eventLog;
    this.connections = connections;
    this.json = json;
    this.topic = ChannelTopic.of(channel);
  }

  /**
   * Publishes an event of a lead (or of the broker when {@code leadId} is null), appended to the replay
   * log in the same step (its id is its log entry's); completes even on failure.
   */
  public Mono<Void> publish(String type, String brokerSlug, UUID leadId, String workflowId, Object data) {
    return Mono.defer(() -> eventLog.appendAndPublish(topic.getTopic(),
            new LiveEvent(null, type, brokerSlug, leadId, workflowId, json.valueToTree(data))))
        .timeout(Duration.ofSeconds(2))
        .doOnError(e -> log.warn("Could not publish a {} event of {}: {}", type, workflowId, e.toString()))
        .onErrorResume(e -> Mono.empty())
        .then();
  }

  /** Every event any replica publishes from now on. */
  public Flux<LiveEvent> events() {
    return local.asFlux();
  }

  @Override
  public void start() {
    Flux<LiveEvent> incoming = Flux.usingWhen(
            Mono.fromSupplier(() -> new ReactiveRedisMessageListenerContainer(connections)),
            container -> container.receiveLater(topic)
                .doOnNext(ready -> subscribed.tryEmitEmpty())
                .flatMapMany(messages -> messages),
            ReactiveRedisMessageListenerContainer::destroyLater)
        .map(message -> read(message.getMessage()))
        .filter(event -> event.type() != null)
        // Redis restarts or drops the connection: subscribe again, for as long as the api runs
        .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
            .doBeforeRetry(s -> log.warn("Redis event subscription lost, resubscribing: {}", s.failure().toString())));
    subscription.set(incoming.subscribe(event -> local.tryEmitNext(event)));
    // serve only once subscribed (or after a short wait when Redis is down: the retries carry on)
    subscribed.asMono().timeout(Duration.ofSeconds(5)).onErrorResume(e -> {
      log.warn("Redis event subscription not ready at start-up; retrying in the background");
      return Mono.empty();
    }).block();
  }

  private LiveEvent read(String raw) {
    try {
      return json.readValue(raw, LiveEvent.class);
    } catch (RuntimeException e) {
      log.warn("Ignoring a malformed event on {}: {}", topic.getTopic(), e.getMessage());
      return new LiveEvent(null, null, null, null, null, null);
    }
  }

  @Override
  public void stop() {
    Disposable current = subscription.getAndSet(null);
    if (current != null) {
      current.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return subscription.get() != null;
  }
}
