package com.inmo.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.internal.InternalTokenFilter;
import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The local calendar: offered slots, atomic booking, idempotent retries, cancelling. */
@ApiIntegrationTest
class LocalCalendarTest {

  static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

  @Autowired
  WebTestClient http;
  @Autowired
  com.inmo.api.internal.InternalServer internalServer;
  @Autowired
  DatabaseClient db;
  @Autowired
  JwtEncoder jwt;
  WebTestClient internal;
  TestData data;
  TestData.TestBroker broker;
  LocalDate day;

  @BeforeEach
  void setUp() {
    internal = InternalApi.client(internalServer);
    data = new TestData(db, jwt);
    broker = data.broker();
    data.openEveryDay(broker);
    day = LocalDate.now(SANTIAGO).plusDays(10);
  }

  private Instant at(int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(SANTIAGO).toInstant();
  }

  @SuppressWarnings("unchecked")
  private List<String> slots(Instant from, int limit) {
    Map<String, Object> offer = internal.get()
        .uri(u -> u.path("/internal/v1/brokers/{slug}/slots").queryParam("from", from.toString())
            .queryParam("days", 7).queryParam("limit", limit).build(broker.slug()))
        .exchange().expectStatus().isOk()
        .expectBody(JSON).returnResult().getResponseBody();
    assertThat(offer).containsEntry("durationMinutes", 60);
    return (List<String>) offer.get("slots");
  }

  private EntityExchangeResult<Map<String, Object>> book(UUID appointmentId, Instant slot) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("brokerSlug", broker.slug());
    body.put("leadId", UUID.randomUUID().toString());
    body.put("workflowId", "lead-" + broker.slug() + "-x");
    body.put("appointmentId", appointmentId.toString());
    body.put("slotStart", slot.toString());
    body.put("leadName", "Ana");
    body.put("notes", "depto 2D Ñuñoa");
    return internal.post().uri("/internal/v1/appointments").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange().expectBody(JSON).returnResult();
  }

  private static List<String> iso(Instant... instants) {
    List<String> out = new ArrayList<>();
    for (Instant i : instants) {
      out.add(i.toString());
    }
    return out;
  }

  @Test
  void slotsAreTheWeeklyHoursFromFromOnInTheBrokersTimeZone() {
    assertThat(slots(day.atStartOfDay(SANTIAGO).toInstant(), 3)).containsExactlyElementsOf(
        iso(at(9, 0), at(10, 0), at(11, 0)));
    // strictly after from: the 09:00 slot has started
    assertThat(slots(at(9, 0), 2)).containsExactlyElementsOf(iso(at(10, 0), at(11, 0)));
    // after the last slot of the day comes the next morning
    assertThat(slots(at(18, 0), 1)).containsExactlyElementsOf(iso(at(9, 0).plusSeconds(86_400)));
  }

  @Test
  void theDemoBrokerOffersHourlyVisitsFromNineToSevenEveryDay() {
    TestData.TestBroker demo = broker;
    broker = new TestData.TestBroker(null, "demo");
    try {
      Instant sunday = LocalDate.of(2026, 12, 6).atStartOfDay(SANTIAGO).toInstant();
      List<String> offered = slots(sunday, 11);
      assertThat(offered).hasSize(11).first().isEqualTo("2026-12-06T12:00:00Z"); // 09:00 in Santiago's summer
      assertThat(offered.get(9)).isEqualTo("2026-12-06T21:00:00Z"); // 18:00, the last of the day
      assertThat(offered.get(10)).isEqualTo("2026-12-07T12:00:00Z");
    } finally {
      broker = demo;
    }
  }

  @Test
  void bookedAndBlockedSlotsAreNotOffered() {
    assertThat(book(UUID.randomUUID(), at(10, 0)).getStatus().value()).isEqualTo(201);
    data.block(broker, at(11, 0), at(12, 0));
    data.block(broker, at(13, 30), at(13, 45)); // a short block still spoils its whole slot

    assertThat(slots(day.atStartOfDay(SANTIAGO).toInstant(), 4)).containsExactlyElementsOf(
        iso(at(9, 0), at(12, 0), at(14, 0), at(15, 0)));
  }

  @Test
  void concurrentBookingsOfOneSlotMakeExactlyOneAppointment() throws Exception {
    int clients = 8;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<EntityExchangeResult<Map<String, Object>>>> results = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        Callable<EntityExchangeResult<Map<String, Object>>> attempt = () -> {
          start.await();
          return book(UUID.randomUUID(), at(15, 0));
        };
        results.add(pool.submit(attempt));
      }
      start.countDown();
      int created = 0;
      int taken = 0;
      for (Future<EntityExchangeResult<Map<String, Object>>> f : results) {
        EntityExchangeResult<Map<String, Object>> r = f.get();
        if (r.getStatus().value() == 201) {
          created++;
          assertThat(r.getResponseBody()).containsEntry("booked", true);
        } else {
          assertThat(r.getStatus().value()).isEqualTo(409);
          assertThat(r.getResponseBody()).containsEntry("booked", false).containsEntry("reason", "taken");
          taken++;
        }
      }
      assertThat(created).isOne();
      assertThat(taken).isEqualTo(clients - 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(data.count("SELECT count(*) FROM appointments WHERE broker_id = :b AND status = 'BOOKED'",
        Map.of("b", broker.id()))).isOne();
  }

  @Test
  void aRetriedBookingAnswers200WithTheSameResult() {
    UUID id = UUID.randomUUID();
    EntityExchangeResult<Map<String, Object>> first = book(id, at(12, 0));
    EntityExchangeResult<Map<String, Object>> retry = book(id, at(12, 0));

    assertThat(first.getStatus().value()).isEqualTo(201);
    assertThat(retry.getStatus().value()).isEqualTo(200);
    assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody())
        .containsEntry("booked", true)
        .containsEntry("appointmentId", id.toString())
        .containsEntry("slotStart", at(12, 0).toString())
        .containsEntry("slotEnd", at(13, 0).toString());
  }

  @Test
  void aSlotTheCalendarDoesNotOfferIs422() {
    assertThat(book(UUID.randomUUID(), at(9, 30)).getStatus().value()).isEqualTo(422); // not a slot start
    assertThat(book(UUID.randomUUID(), at(20, 0)).getStatus().value()).isEqualTo(422); // after hours
    data.block(broker, at(16, 0), at(18, 0));
    EntityExchangeResult<Map<String, Object>> blocked = book(UUID.randomUUID(), at(17, 0));
    assertThat(blocked.getStatus().value()).isEqualTo(422);
    assertThat(blocked.getResponseBody()).containsEntry("booked", false).containsEntry("reason", "unavailable");
    Instant past = LocalDate.now(SANTIAGO).minusDays(2).atTime(10, 0).atZone(SANTIAGO).toInstant();
    assertThat(book(UUID.randomUUID(), past).getStatus().value()).isEqualTo(422);
  }

  @Test
  void cancellingFreesTheSlotAndIsIdempotent() {
    UUID id = UUID.randomUUID();
    assertThat(book(id, at(9, 0)).getStatus().value()).isEqualTo(201);
    assertThat(slots(day.atStartOfDay(SANTIAGO).toInstant(), 1)).containsExactly(at(10, 0).toString());

    Map<String, Object> cancel = Map.of("brokerSlug", broker.slug(), "appointmentId", id.toString(),
        "reason", "el lead no puede");
    for (int i = 0; i < 2; i++) {
      internal.post().uri("/internal/v1/appointments/" + id + "/cancel").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(cancel).exchange()
          .expectStatus().isOk()
          .expectBody().jsonPath("$.appointmentId").isEqualTo(id.toString()).jsonPath("$.cancelled").isEqualTo(true);
    }

    assertThat(slots(day.atStartOfDay(SANTIAGO).toInstant(), 1)).containsExactly(at(9, 0).toString());
    assertThat(book(UUID.randomUUID(), at(9, 0)).getStatus().value()).isEqualTo(201);
    // the cancelled id, retried, does not come back to life
    EntityExchangeResult<Map<String, Object>> revived = book(id, at(9, 0));
    assertThat(revived.getStatus().value()).isEqualTo(409);
    assertThat(revived.getResponseBody()).containsEntry("reason", "cancelled");
  }
}
