package com.inmo.activities.calendar.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.activities.calendar.LocalCalendarActivities;
import com.inmo.workflows.activity.BookingRequest;
import com.inmo.workflows.activity.BookingResult;
import com.inmo.workflows.activity.CancellationRequest;
import com.inmo.workflows.activity.SlotOffer;
import com.inmo.workflows.activity.SlotQuery;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Google calendar adapter through Google's own client library against a local Google that speaks its
 * wire format (token endpoint, freeBusy, events insert/get/delete and their error bodies), on top of the
 * local calendar's real code path (LocalCalendarActivities over HTTP to a stand-in of the api).
 */
class GoogleCalendarActivitiesTest {

  static final String BROKER = "inmobiliaria-sur";
  static final String REFRESH = "1//0gBrokerRefreshToken";
  static final Instant DAY = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);

  GoogleStub google;
  CalendarApiFake api;
  GoogleCalendarActivities calendar;
  UUID connectionId = UUID.randomUUID();

  @BeforeEach
  void setUp() {
    google = new GoogleStub();
    api = new CalendarApiFake();
    api.slots = List.of(at(13), at(14), at(15), at(16), at(17), at(18));
    calendar = adapter(settings(""));
  }

  GoogleCalendarSettings settings(String envRefreshToken) {
    return new GoogleCalendarSettings("client-1.apps.googleusercontent.com", "GOCSPX-secret", envRefreshToken,
        "primary", "demo", google.rootUrl(), google.tokenUrl(), Duration.ZERO, Duration.ofSeconds(5));
  }

  GoogleCalendarActivities adapter(GoogleCalendarSettings settings) {
    InternalApiClient client = api.client();
    return new GoogleCalendarActivities(new LocalCalendarActivities(client), client, settings);
  }

  @AfterEach
  void tearDown() throws Exception {
    google.close();
    api.close();
  }

  static Instant at(int hourUtc) {
    return DAY.plus(hourUtc, ChronoUnit.HOURS);
  }

  BookingRequest booking(UUID appointmentId, Instant slot) {
    return new BookingRequest(BROKER, UUID.randomUUID(), "lead-" + BROKER + "-x", appointmentId, slot, "Ana Pérez",
        "Depto 2D en Ñuñoa");
  }

  static JsonNode json(RecordedRequest r) throws Exception {
    return InternalApiClient.JSON.readTree(GoogleStub.body(r));
  }

  @Test
  void freeBusyRemovesTheBusySlots() throws Exception {
    api.connect(connectionId, REFRESH, "primary", false);
    google.busy(at(14).plus(30, ChronoUnit.MINUTES), at(15).plus(15, ChronoUnit.MINUTES)); // 14:00 and 15:00 overlap
    google.busy(at(18).plus(60, ChronoUnit.MINUTES), at(19).plus(60, ChronoUnit.MINUTES)); // touches 18:00's end only

    SlotOffer offer = calendar.availableSlots(new SlotQuery(BROKER, DAY, 7, 3));

    assertThat(offer.slots()).containsExactly(at(13), at(16), at(17));
    assertThat(offer.durationMinutes()).isEqualTo(60);
    RecordedRequest local = api.requests("GET", "/internal/v1/brokers/" + BROKER + "/slots").get(0);
    assertThat(local.getPath()).as("more slots asked of the local calendar than offered").contains("limit=13");
    RecordedRequest token = google.requests("POST", "/token").get(0);
    String form = URLDecoder.decode(GoogleStub.body(token), StandardCharsets.UTF_8);
    assertThat(form).contains("grant_type=refresh_token").contains("refresh_token=" + REFRESH)
        .contains("client_id=client-1.apps.googleusercontent.com").contains("client_secret=GOCSPX-secret");
    RecordedRequest freeBusy = google.requests("POST", "/calendar/v3/freeBusy").get(0);
    assertThat(freeBusy.getHeader("Authorization")).isEqualTo("Bearer ya29.stub-1");
    JsonNode body = json(freeBusy);
    assertThat(Instant.parse(body.path("timeMin").asText())).isEqualTo(at(13));
    assertThat(Instant.parse(body.path("timeMax").asText())).isEqualTo(at(19));
    assertThat(body.path("items").get(0).path("id").asText()).isEqualTo("primary");

    calendar.availableSlots(new SlotQuery(BROKER, DAY, 7, 3));
    assertThat(google.requests("POST", "/token")).as("the access token is reused").hasSize(1);
  }

  @Test
  void aBookingInsertsTheEventUnderItsDeterministicIdWithAMeetLinkAndRecordsIt() throws Exception {
    api.connect(connectionId, REFRESH, "visitas@group.calendar.google.com", true);
    UUID appointment = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    BookingResult result = calendar.book(booking(appointment, at(15)));

    assertThat(result.booked()).isTrue();
    assertThat(result.slotEnd()).isEqualTo(at(16));
    RecordedRequest insert = google.requests("POST", "/calendar/v3/calendars/").get(0);
    assertThat(insert.getPath()).startsWith("/calendar/v3/calendars/visitas@group.calendar.google.com/events")
        .contains("conferenceDataVersion=1");
    JsonNode event = json(insert);
    assertThat(event.path("id").asText()).isEqualTo("7sig9o2fh48t76gc0c2ugb1j04");
    assertThat(event.path("summary").asText()).isEqualTo("Visita: Ana Pérez");
    assertThat(Instant.parse(event.path("start").path("dateTime").asText())).isEqualTo(at(15));
    assertThat(Instant.parse(event.path("end").path("dateTime").asText())).isEqualTo(at(16));
    assertThat(event.path("conferenceData").path("createRequest").path("requestId").asText())
        .isEqualTo(appointment.toString());
    assertThat(event.path("conferenceData").path("createRequest").path("conferenceSolutionKey").path("type").asText())
        .isEqualTo("hangoutsMeet");
    assertThat(event.path("extendedProperties").path("private").path("inmoAppointmentId").asText())
        .isEqualTo(appointment.toString());

    JsonNode recorded = api.calendarEvents.get(appointment);
    assertThat(recorded.path("eventId").asText()).isEqualTo("7sig9o2fh48t76gc0c2ugb1j04");
    assertThat(recorded.path("connectionId").asText()).isEqualTo(connectionId.toString());
    assertThat(recorded.path("calendarId").asText()).isEqualTo("visitas@group.calendar.google.com");
    assertThat(recorded.path("htmlLink").asText()).contains("eid=7sig9o2fh48t76gc0c2ugb1j04");
    assertThat(recorded.path("meetLink").asText()).startsWith("https://meet.google.com/");
    assertThat(recorded.path("error").isNull()).isTrue();
  }

  @Test
  void withoutMeetNoConferenceIsRequested() throws Exception {
    api.connect(connectionId, REFRESH, "primary", false);

    calendar.book(booking(UUID.randomUUID(), at(13)));

    RecordedRequest insert = google.requests("POST", "/calendar/v3/calendars/primary/events").get(0);
    assertThat(insert.getPath()).doesNotContain("conferenceDataVersion");
    assertThat(json(insert).has("conferenceData")).isFalse();
  }

  @Test
  void aDuplicateInsert409MeansItExistsAlready() throws Exception {
    api.connect(connectionId, REFRESH, "primary", false);
    UUID appointment = UUID.randomUUID();
    BookingRequest request = booking(appointment, at(14));
    calendar.book(request);
    api.calendarEvents.clear();

    // the activity retried after its first attempt inserted the event (say the worker died before answering)
    BookingResult again = calendar.book(request);

    assertThat(again.booked()).isTrue();
    assertThat(google.requests("POST", "/calendar/v3/calendars/primary/events")).hasSize(2);
    assertThat(google.requests("GET", "/calendar/v3/calendars/primary/events/" + GoogleEventIds.of(appointment)))
        .as("the existing event is fetched").hasSize(1);
    assertThat(google.events).hasSize(1);
    assertThat(api.calendarEvents.get(appointment).path("eventId").asText()).isEqualTo(GoogleEventIds.of(appointment));
    assertThat(api.calendarEvents.get(appointment).path("error").isNull()).isTrue();
  }

  @Test
  void aRevokedTokenFallsBackToTheLocalCalendarAndMarksItDisconnected() throws Exception {
    api.connect(connectionId, REFRESH, "primary", false);
    google.revoked = true;
    google.busy(at(13), at(14));

    SlotOffer offer = calendar.availableSlots(new SlotQuery(BROKER, DAY, 7, 2));

    assertThat(offer.slots()).as("the local calendar's slots").containsExactly(at(13), at(14));
    assertThat(api.disconnections).hasSize(1);
    assertThat(api.disconnections.get(0).path("connectionId").asText()).isEqualTo(connectionId.toString());
    assertThat(api.disconnections.get(0).path("reason").asText()).contains("invalid_grant");
    assertThat(google.requests("POST", "/calendar/v3/")).isEmpty();

    // later calls: the api says disconnected, so Google is not asked again
    int before = google.requests.size();
    BookingResult booked = calendar.book(booking(UUID.randomUUID(), at(15)));
    calendar.availableSlots(new SlotQuery(BROKER, DAY, 7, 2));
    assertThat(booked.booked()).isTrue();
    assertThat(google.requests).hasSize(before);
    assertThat(api.disconnections).hasSize(1);
  }

  @Test
  void a401FromTheCalendarApiDisconnectsWhileTheBookingStandsLocally() throws Exception {
    api.connect(connectionId, REFRESH, "primary", false);
    google.calendarStatus = 401;
    UUID appointment = UUID.randomUUID();

    BookingResult booked = calendar.book(booking(appointment, at(16)));

    assertThat(booked.booked()).isTrue();
    assertThat(api.booked).containsValue(appointment);
    assertThat(google.requests("POST", "/calendar/v3/calendars/primary/events")).as("retried once with a fresh token")
        .hasSize(2);
    assertThat(google.requests("POST", "/token").size()).isBetween(2, 3);
    assertThat(api.disconnections).hasSize(1);
    assertThat(api.calendarEvents.get(appointment).path("error").asText()).contains("disconnected").contains("401");
  }

  @Test
  void theDefaultBrokersEnvironmentTokenRevokedIsRecordedByFingerprint() throws Exception {
    calendar = adapter(settings("1//0gEnvironmentToken"));
    api.connection = null; // nothing connected from the dashboard: GOOGLE_REFRESH_TOKEN serves the default broker
    google.revoked = true;

    SlotOffer offer = calendar.availableSlots(new SlotQuery("demo", DAY, 7, 2));

    assertThat(offer.slots()).hasSize(2);
    JsonNode marked = api.disconnections.get(0);
    assertThat(marked.path("connectionId").isNull()).isTrue();
    assertThat(marked.path("envFingerprint").asText()).isEqualTo(GoogleCalendarSettings.fingerprint("1//0gEnvironmentToken"))
        .doesNotContain("Environment");
    int before = google.requests.size();
    calendar.availableSlots(new SlotQuery("demo", DAY, 7, 2));
    assertThat(google.requests).as("the revoked token is not tried again").hasSize(before);

    // a replaced GOOGLE_REFRESH_TOKEN is tried again
    google.revoked = false;
    adapter(settings("1//0gReplacedToken")).availableSlots(new SlotQuery("demo", DAY, 7, 2));
    assertThat(google.requests("POST", "/calendar/v3/freeBusy")).hasSize(1);
    // another broker without a connection never uses the environment's token
    adapter(settings("1//0gReplacedToken")).availableSlots(new SlotQuery(BROKER, DAY, 7, 2));
    assertThat(google.requests("POST", "/calendar/v3/freeBusy")).hasSize(1);
  }

  @Test
  void aGoogleOutageIsThrownForTemporalToRetryAndTheRetryCreatesTheEventOnce() {
    api.connect(connectionId, REFRESH, "primary", false);
    google.calendarStatus = 503;
    UUID appointment = UUID.randomUUID();
    BookingRequest request = booking(appointment, at(17));

    assertThatThrownBy(() -> calendar.book(request)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("503");
    assertThatThrownBy(() -> calendar.availableSlots(new SlotQuery(BROKER, DAY, 7, 2)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(api.disconnections).isEmpty();

    google.calendarStatus = 0;
    assertThat(calendar.book(request).booked()).isTrue();
    assertThat(google.events).hasSize(1);
    assertThat(api.booked).containsEntry(at(17), appointment);
  }

  @Test
  void aCalendarGoogleDoesNotKnowLeavesTheLocalCalendarInCharge() {
    api.connect(connectionId, REFRESH, "deleted@group.calendar.google.com", false);
    google.freeBusyCalendarError = "notFound";

    SlotOffer offer = calendar.availableSlots(new SlotQuery(BROKER, DAY, 7, 2));

    assertThat(offer.slots()).containsExactly(at(13), at(14));
    assertThat(api.disconnections).as("a wrong calendar id is not a revoked token").isEmpty();
  }

  @Test
  void cancellingDeletesTheEventAndARetryFindsItGone() {
    api.connect(connectionId, REFRESH, "primary", false);
    UUID appointment = UUID.randomUUID();
    calendar.book(booking(appointment, at(13)));
    assertThat(google.events).hasSize(1);

    assertThat(calendar.cancel(new CancellationRequest(BROKER, appointment, "el lead canceló")).cancelled()).isTrue();
    assertThat(google.events).isEmpty();
    assertThat(google.requests("DELETE", "/calendar/v3/calendars/primary/events/" + GoogleEventIds.of(appointment)))
        .hasSize(1);

    assertThat(calendar.cancel(new CancellationRequest(BROKER, appointment, "el lead canceló")).cancelled()).isTrue();
    assertThat(google.requests("DELETE", "/calendar/v3/")).as("410 Gone on the retry is success").hasSize(2);
  }

  @Test
  void twoLeadsPickingOneSlotAtOnceEndWithOneBookingAndOneEvent() throws Exception {
    api.connect(connectionId, REFRESH, "primary", false);
    int leads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(leads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<BookingResult>> results = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      BookingRequest request = booking(UUID.randomUUID(), at(18));
      results.add(pool.submit((Callable<BookingResult>) () -> {
        go.await();
        return calendar.book(request);
      }));
    }
    go.countDown();
    List<BookingResult> answers = new ArrayList<>();
    for (Future<BookingResult> f : results) {
      answers.add(f.get());
    }
    pool.shutdown();

    assertThat(answers.stream().filter(BookingResult::booked)).hasSize(1);
    assertThat(answers.stream().filter(a -> "taken".equals(a.reason()))).hasSize(leads - 1);
    assertThat(google.events).hasSize(1);
    UUID winner = answers.stream().filter(BookingResult::booked).findFirst().orElseThrow().appointmentId();
    assertThat(google.events.keySet()).containsExactly("primary/" + GoogleEventIds.of(winner));
  }

  @Test
  void withoutAConnectionItIsTheLocalCalendar() {
    api.connection = null;

    assertThat(calendar.availableSlots(new SlotQuery(BROKER, DAY, 7, 2)).slots()).containsExactly(at(13), at(14));
    assertThat(calendar.book(booking(UUID.randomUUID(), at(13))).booked()).isTrue();

    assertThat(google.requests).isEmpty();
    assertThat(api.calendarEvents).isEmpty();
  }

  @Test
  void eventIdsAreBase32hexOfTheUuidBytes() {
    // vectors from an independent base32hex encoder (RFC 4648 §7), lowercased, padding dropped
    assertThat(GoogleEventIds.of(new UUID(0, 0))).isEqualTo("00000000000000000000000000");
    assertThat(GoogleEventIds.of(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff")))
        .isEqualTo("vvvvvvvvvvvvvvvvvvvvvvvvvs");
    assertThat(GoogleEventIds.of(UUID.fromString("9b2d9c3e-7a51-4c1e-8f0a-1d2b3c4d5e6f")))
        .isEqualTo("jcmpofjqa561t3oa3kljojauds");
    for (int i = 0; i < 100; i++) {
      assertThat(GoogleEventIds.of(UUID.randomUUID())).matches("[0-9a-v]{26}");
    }
  }
}
