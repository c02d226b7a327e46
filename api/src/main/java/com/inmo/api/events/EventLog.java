package com.inmo.api.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last minutes of events, for a client that reconnects with {@code Last-Event-ID}: a Redis stream
 * ({@code XADD … MAXLEN ~ 10000}), shared by every replica. An event is appended and published in one
 * script, so the log and the live channel carry the same events in the same order, and the event's id is
 * its stream entry id ({@code <milliseconds>-<sequence>}): ids grow, and "after this id" is a range read.
 */
@Component
public class EventLog {

  // the stored entry is the event without its id; the published one gets the entry id put first
  static final RedisScript<String> APPEND_AND_PUBLISH = RedisScript.of("""
      local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2])
      redis.call('PUBLISH', ARGV[3], '{"id":"' .. id .. '",' .. string.sub(ARGV[2], 2))
      return id""", String.class);

  private final ReactiveStringRedisTemplate redis;
  private final JsonMapper json;
  private final String key;
  private final long maxLength;
  private final Duration window;

  public EventLog(ReactiveStringRedisTemplate redis, JsonMapper json,
                  @Value("${inmo.events.log-key:inmo:events:log}") String key,
                  @Value("${inmo.events.log-max-length:10000}") long maxLength,
                  @Value("${inmo.events.replay-window:10m}") Duration window) {
    this.redis = redis;
    this.json = json;
    this.key = key;
    this.maxLength = maxLength;
    this.window = window;
  }

  /** Appends the event (its id is ignored) and publishes it on {@code channel}; emits the id it got. */
  Mono<String> appendAndPublish(String channel, LiveEvent event) {
    ObjectNode stored = json.valueToTree(event);
    stored.remove("id");
    return redis.execute(APPEND_AND_PUBLISH, List.of(key),
            List.of(Long.toString(maxLength), json.writeValueAsString(stored), channel))
        .next();
  }

  /**
   * The logged events after {@code lastEventId}, oldest first. When the log cannot vouch for everything
   * since that id (older than the replay window, or than the log's oldest entry once trimmed, or not an id
   * of ours), the replay is empty and not {@code complete}: the client must reload rather than trust it.
   */
  public Mono<Replay> after(String lastEventId) {
    EventIds.Id last = EventIds.parse(lastEventId);
    if (last == null || last.millis() < Instant.now().minus(window).toEpochMilli()) {
      return Mono.just(Replay.INCOMPLETE);
    }
    Mono<List<LiveEvent>> events = redis.opsForStream()
        .range(key, Range.rightUnbounded(Range.Bound.inclusive(last.text())), Limit.limit().count((int) maxLength))
        .filter(r -> EventIds.isAfter(r.getId().getValue(), last))
        .map(this::read)
        .collectList();
    // a full log may have been trimmed past the client's id: then its oldest entry is after that id
    Mono<Boolean> trimmedPast = redis.opsForStream().size(key)
        .flatMap(size -> size < maxLength ? Mono.just(false) : redis.opsForStream()
            .range(key, Range.unbounded(), Limit.limit().count(1)).next()
            .map(first -> EventIds.isAfter(first.getId().getValue(), last))
            .defaultIfEmpty(false));
    return trimmedPast.flatMap(trimmed -> trimmed ? Mono.just(Replay.INCOMPLETE)
        : events.map(found -> new Replay(true, found)));
  }

  private LiveEvent read(MapRecord<String, Object, Object> entry) {
    LiveEvent e = json.readValue(String.valueOf(entry.getValue().get("e")), LiveEvent.class);
    return new LiveEvent(entry.getId().getValue(), e.type(), e.brokerSlug(), e.leadId(), e.workflowId(), e.data());
  }

  /** Events to replay, and whether they are all that happened since the client's last one. */
  public record Replay(boolean complete, List<LiveEvent> events) {

    static final Replay INCOMPLETE = new Replay(false, List.of());
  }
}
