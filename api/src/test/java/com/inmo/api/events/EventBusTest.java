package com.inmo.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import com.inmo.api.support.ApiIntegrationTest;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** An event any replica publishes on Redis reaches every local subscriber of this one. */
@ApiIntegrationTest
class EventBusTest {

  @Autowired
  EventBus bus;
  @Value("${spring.data.redis.url}")
  String redisUrl;
  @Value("${inmo.events.channel:inmo:events}")
  String channel;

  @Test
  void anEventPublishedOnRedisByAnotherReplicaReachesEverySubscriber() {
    String id = UUID.randomUUID().toString();
    String raw = """
        {"id":"%s","type":"lead_updated","brokerSlug":"demo","leadId":"%s","workflowId":"lead-demo-x",
         "data":{"stage":"PROFILING"}}""".formatted(id, UUID.randomUUID());
    var first = bus.events().filter(e -> id.equals(e.id())).next();
    var second = bus.events().filter(e -> id.equals(e.id())).next();

    RedisClient client = RedisClient.create(redisUrl);
    try (StatefulRedisConnection<String, String> otherReplica = client.connect()) {
      StepVerifier.create(Mono.zip(first, second))
          .then(() -> otherReplica.sync().publish(channel, raw))
          .assertNext(both -> {
            for (LiveEvent e : List.of(both.getT1(), both.getT2())) {
              assertThat(e.type()).isEqualTo("lead_updated");
              assertThat(e.brokerSlug()).isEqualTo("demo");
              assertThat(e.workflowId()).isEqualTo("lead-demo-x");
              assertThat(e.data().path("stage").asString()).isEqualTo("PROFILING");
            }
          })
          .verifyComplete();
    } finally {
      client.shutdown();
    }
  }

  @Test
  void whatThisReplicaPublishesTravelsThroughRedis() {
    String workflowId = "lead-demo-" + UUID.randomUUID();
    var received = bus.events().filter(e -> workflowId.equals(e.workflowId())).next();

    StepVerifier.create(received)
        .then(() -> bus.publish(LiveEvent.NOTIFICATION, "demo", null, workflowId, Map.of("text", "hola")).block())
        .assertNext(e -> {
          assertThat(e.type()).isEqualTo("notification");
          assertThat(e.id()).isNotBlank();
          assertThat(e.data().path("text").asString()).isEqualTo("hola");
        })
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }
}
