package com.inmo.api.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The call budget in the real Redis: per broker per hour, per lead per day, idempotent, one winner per slot. */
@ApiIntegrationTest
class CallReservationsTest {

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  @Autowired
  CallReservations reservations;
  @Autowired
  org.springframework.data.redis.core.ReactiveStringRedisTemplate redis;
  WebTestClient internal;
  TestData data;

  @BeforeEach
  void setUp() {
    internal = InternalApi.client(internalServer);
    data = new TestData(db, jwt);
  }

  private WebTestClient.ResponseSpec reserve(String broker, UUID leadId, String key) {
    return internal.post().uri("/internal/v1/calls/reservations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("brokerSlug", broker, "leadId", leadId.toString(), "idempotencyKey", key, "provider", "vapi"))
        .exchange();
  }

  private static String key(UUID lead, int attempt) {
    return lead + "-" + attempt;
  }

  @Test
  void theBrokersHourlyCapRefusesTheNextCallWithItsReason() {
    TestData.TestBroker broker = data.broker("America/Santiago", "{\"callsPerBrokerPerHour\": 2}");
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();

    reserve(broker.slug(), a, key(a, 1)).expectStatus().isOk().expectBody().jsonPath("$.granted").isEqualTo(true)
        .jsonPath("$.providerCallId").doesNotExist();
    reserve(broker.slug(), b, key(b, 1)).expectStatus().isOk();
    reserve(broker.slug(), b, key(b, 2)).expectStatus().isEqualTo(429).expectBody()
        .jsonPath("$.granted").isEqualTo(false).jsonPath("$.reason").isEqualTo("broker-hourly-cap")
        .jsonPath("$.detail").value(d -> assertThat((String) d).contains("callsPerBrokerPerHour 2"));
    // another broker's budget is its own
    TestData.TestBroker other = data.broker("America/Santiago", "{\"callsPerBrokerPerHour\": 2}");
    reserve(other.slug(), b, key(b, 3)).expectStatus().isOk();
  }

  @Test
  void aRetriedReservationIsGrantedAgainWithoutCountingTwiceAndReturnsThePlacedCall() {
    TestData.TestBroker broker = data.broker("America/Santiago", "{\"callsPerBrokerPerHour\": 1}");
    UUID lead = UUID.randomUUID();

    reserve(broker.slug(), lead, key(lead, 1)).expectStatus().isOk();
    reserve(broker.slug(), lead, key(lead, 1)).expectStatus().isOk().expectBody()
        .jsonPath("$.granted").isEqualTo(true).jsonPath("$.providerCallId").doesNotExist();
    internal.put().uri("/internal/v1/calls/reservations/{key}", key(lead, 1)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("provider", "vapi", "providerCallId", "call-abc")).exchange().expectStatus().isNoContent();
    reserve(broker.slug(), lead, key(lead, 1)).expectStatus().isOk().expectBody()
        .jsonPath("$.providerCallId").isEqualTo("call-abc");
    // the one call of the hour is that one
    reserve(broker.slug(), lead, key(lead, 2)).expectStatus().isEqualTo(429);
    internal.put().uri("/internal/v1/calls/reservations/{key}", "never-reserved-" + UUID.randomUUID())
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("providerCallId", "x")).exchange()
        .expectStatus().isNotFound();
  }

  @Test
  void theLeadsDailyCapCountsTheBrokersCalendarDay() {
    ZoneId santiago = ZoneId.of("America/Santiago");
    UUID lead = UUID.randomUUID();
    String broker = "t-" + UUID.randomUUID().toString().substring(0, 8);
    // 23:30 and 23:50 one evening, then 00:10 the next day (Santiago)
    Instant evening = java.time.ZonedDateTime.of(2026, 12, 1, 23, 30, 0, 0, santiago).toInstant();
    assertThat(reservations.reserve(broker, lead, key(lead, 1), 100, 2, santiago, evening).block().granted()).isTrue();
    assertThat(reservations.reserve(broker, lead, key(lead, 2), 100, 2, santiago, evening.plus(Duration.ofMinutes(20)))
        .block().granted()).isTrue();
    var third = reservations.reserve(broker, lead, key(lead, 3), 100, 2, santiago, evening.plus(Duration.ofMinutes(25)))
        .block();
    assertThat(third.granted()).isFalse();
    assertThat(third.refusedBy()).isEqualTo("lead");
    assertThat(reservations.reserve(broker, lead, key(lead, 4), 100, 2, santiago, evening.plus(Duration.ofMinutes(40)))
        .block().granted()).as("a new day in Santiago").isTrue();

    TestData.TestBroker real = data.broker("America/Santiago", "{\"callsPerLeadPerDay\": 1}");
    UUID other = UUID.randomUUID();
    reserve(real.slug(), other, key(other, 1)).expectStatus().isOk();
    reserve(real.slug(), other, key(other, 2)).expectStatus().isEqualTo(429).expectBody()
        .jsonPath("$.reason").isEqualTo("lead-daily-cap");
  }

  @Test
  void concurrentReservationsOfTheLastSlotsNeverOverspend() throws Exception {
    String broker = "t-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        UUID lead = UUID.randomUUID();
        attempts.add(() -> reservations.reserve(broker, lead, key(lead, 1), 5, 3, ZoneId.of("UTC"), now).block()
            .granted());
      }
      long granted = 0;
      for (Future<Boolean> f : pool.invokeAll(attempts)) {
        granted += f.get() ? 1 : 0;
      }
      assertThat(granted).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anHourLaterTheBrokerMayCallAgain() {
    String broker = "t-" + UUID.randomUUID().toString().substring(0, 8);
    Instant t0 = Instant.parse("2026-12-01T13:00:00Z");
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    assertThat(reservations.reserve(broker, a, key(a, 1), 1, 3, ZoneId.of("UTC"), t0).block().granted()).isTrue();
    assertThat(reservations.reserve(broker, b, key(b, 1), 1, 3, ZoneId.of("UTC"), t0.plus(Duration.ofMinutes(59)))
        .block().granted()).isFalse();
    assertThat(reservations.reserve(broker, b, key(b, 2), 1, 3, ZoneId.of("UTC"), t0.plus(Duration.ofMinutes(61)))
        .block().granted()).isTrue();
  }

  @Test
  void badRequestsUnknownBrokersAndStrangersAreRefused() {
    UUID lead = UUID.randomUUID();
    reserve("no-such-broker-" + lead.toString().substring(0, 6), lead, key(lead, 1)).expectStatus().isNotFound();
    internal.post().uri("/internal/v1/calls/reservations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("brokerSlug", "demo")).exchange().expectStatus().isBadRequest();
    InternalApi.withoutToken(internalServer).post().uri("/internal/v1/calls/reservations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("brokerSlug", "demo", "leadId", lead.toString(), "idempotencyKey", key(lead, 1)))
        .exchange().expectStatus().isUnauthorized();
  }

  @Test
  void theVoiceProfileNamesThePersonaAndTheRegionNumbersAreReadIn() {
    TestData.TestBroker chile = data.broker("America/Santiago", "{\"zones\": [\"Ñuñoa\"]}");
    TestData.TestBroker peru = data.broker("America/Lima", "{}");
    TestData.TestBroker set = data.broker("America/Santiago", "{\"country\": \"ar\"}");
    TestData.TestBroker elsewhere = data.broker("Asia/Tokyo", "{}");

    internal.get().uri("/internal/v1/brokers/{slug}/voice", chile.slug()).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.region").isEqualTo("CL").jsonPath("$.personaName").isEqualTo("Sofía")
        .jsonPath("$.brokerName").isEqualTo("Corredora " + chile.slug()).jsonPath("$.zones[0]").isEqualTo("Ñuñoa")
        .jsonPath("$.language").isEqualTo("es").jsonPath("$.timeZone").isEqualTo("America/Santiago");
    internal.get().uri("/internal/v1/brokers/{slug}/voice", peru.slug()).exchange().expectBody()
        .jsonPath("$.region").isEqualTo("PE");
    internal.get().uri("/internal/v1/brokers/{slug}/voice", set.slug()).exchange().expectBody()
        .jsonPath("$.region").isEqualTo("AR");
    internal.get().uri("/internal/v1/brokers/{slug}/voice", elsewhere.slug()).exchange().expectBody()
        .jsonPath("$.region").isEqualTo("CL");
    internal.get().uri("/internal/v1/brokers/{slug}/voice", "nope-" + UUID.randomUUID().toString().substring(0, 6))
        .exchange().expectStatus().isNotFound();
  }

  /**
   * Redis evicts only keys with a TTL (compose: volatile-lru): the budget's keys have none, so memory pressure can
   * never drop a reservation and let a retried start dial twice. The script sweeps them itself instead.
   */
  @Test
  void theBudgetsKeysHaveNoTtlAndTheScriptSweepsOldOnes() {
    String broker = "t-" + UUID.randomUUID().toString().substring(0, 8);
    UUID lead = UUID.randomUUID();
    UUID staleLead = UUID.randomUUID();
    String staleKey = "stale-" + UUID.randomUUID();
    long eightDaysAgo = redisMillis() - Duration.ofDays(8).toMillis();
    redis.opsForHash().put(CallReservations.RESERVATIONS, staleKey, "").block();
    redis.opsForZSet().add(CallReservations.RESERVATIONS_AT, staleKey, eightDaysAgo).block();
    redis.opsForZSet().add(CallReservations.leadKey(staleLead), staleKey, eightDaysAgo).block();
    redis.opsForZSet().add(CallReservations.LEADS, staleLead.toString(), eightDaysAgo).block();

    assertThat(reservations.reserve(broker, lead, key(lead, 1), 5, 3, ZoneId.of("UTC"), Instant.now()).block()
        .granted()).isTrue();

    for (String k : List.of(CallReservations.RESERVATIONS, CallReservations.RESERVATIONS_AT,
        CallReservations.brokerKey(broker), CallReservations.leadKey(lead), CallReservations.LEADS)) {
      assertThat(ttl(k)).as(k).isEqualTo(-1L);
    }
    assertThat(redis.opsForHash().hasKey(CallReservations.RESERVATIONS, staleKey).block()).isFalse();
    assertThat(redis.opsForZSet().score(CallReservations.RESERVATIONS_AT, staleKey).block()).isNull();
    assertThat(redis.hasKey(CallReservations.leadKey(staleLead)).block()).isFalse();
    assertThat(redis.opsForZSet().score(CallReservations.LEADS, staleLead.toString()).block()).isNull();
  }

  private long ttl(String key) {
    return redis.execute(org.springframework.data.redis.core.script.RedisScript.of(
        "return redis.call('TTL', KEYS[1])", Long.class), List.of(key)).next().block();
  }

  private long redisMillis() {
    return redis.execute(org.springframework.data.redis.core.script.RedisScript.of(
        "local t = redis.call('TIME') return tonumber(t[1]) * 1000", Long.class), List.of()).next().block();
  }
}
