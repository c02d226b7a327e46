package com.inmo.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The replay log: ids grow, a replay is what follows an id, and an id trimmed away or too old is no replay. */
@ApiIntegrationTest
class EventLogTest {

  @Autowired
  ReactiveStringRedisTemplate redis;
  @Autowired
  JsonMapper json;

  @Test
  void aReplayIsWhatFollowsTheIdUntilTheLogIsTrimmedPastIt() {
    String key = "inmo:test:log:" + UUID.randomUUID();
    // a log of about 3 entries: Redis trims whole nodes (100 entries) at a time, so 250 appends trim some
    EventLog log = new EventLog(redis, json, key, 3, Duration.ofMinutes(10));
    try {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        ids.add(log.appendAndPublish("inmo:test:nobody", new LiveEvent("ignored", "notification", "demo", null, "w" + i,
            json.valueToTree(java.util.Map.of("i", i)))).block(Duration.ofSeconds(5)));
      }
      for (int i = 1; i < ids.size(); i++) {
        assertThat(EventIds.isAfter(ids.get(i), EventIds.parse(ids.get(i - 1)))).isTrue();
      }
      EventLog.Replay recent = log.after(ids.get(247)).block(Duration.ofSeconds(5));
      assertThat(recent.complete()).isTrue();
      assertThat(recent.events()).extracting(LiveEvent::id).containsExactly(ids.get(248), ids.get(249));
      assertThat(recent.events()).extracting(LiveEvent::workflowId).containsExactly("w248", "w249");
      assertThat(recent.events().get(0).data().path("i").asInt()).isEqualTo(248);
      assertThat(log.after(ids.get(249)).block(Duration.ofSeconds(5))).isEqualTo(new EventLog.Replay(true, List.of()));

      assertThat(redis.opsForStream().size(key).block()).isLessThan(250);
      assertThat(log.after(ids.get(0)).block(Duration.ofSeconds(5)).complete()).as("trimmed past it").isFalse();
      assertThat(log.after("1-0").block(Duration.ofSeconds(5)).complete()).as("older than the window").isFalse();
      assertThat(log.after("x").block(Duration.ofSeconds(5)).complete()).as("not an id").isFalse();
    } finally {
      redis.delete(key).block(Duration.ofSeconds(5));
    }
  }
}
