package com.inmo.activities.calendar.google;

import static com.inmo.activities.api.InternalApiClient.expect;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.ConferenceData;
import com.google.api.services.calendar.model.ConferenceSolutionKey;
import com.google.api.services.calendar.model.CreateConferenceRequest;
import com.google.api.services.calendar.model.EntryPoint;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.FreeBusyCalendar;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyRequestItem;
import com.google.api.services.calendar.model.FreeBusyResponse;
import com.google.api.services.calendar.model.TimePeriod;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.workflows.activity.BookingRequest;
import com.inmo.workflows.activity.BookingResult;
import com.inmo.workflows.activity.CalendarActivities;
import com.inmo.workflows.activity.CancellationRequest;
import com.inmo.workflows.activity.CancellationResult;
import com.inmo.workflows.activity.SlotOffer;
import com.inmo.workflows.activity.SlotQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's Google calendar on top of the local one (docs/calendar-google.md). The local calendar stays
 * the book of record: its unique index decides who gets a slot, so two leads picking one slot end with one
 * booking even when both go on to Google. Per call, {@link GoogleConnections} says whether a Google calendar
 * applies; without one this is exactly the local calendar.
 *
 * <ul>
 *   <li>Availability: the local calendar's slots (weekly hours minus blocks and booked visits), more than
 *       asked for, minus what Google's {@code freeBusy} says is busy over their window; at most the limit.</li>
 *   <li>Booking: locally first; then the Google event whose id derives from the appointment id
 *       ({@link GoogleEventIds}), with a Meet link when the broker wants one. A 409 on insert means a previous
 *       attempt made it: it is fetched and the booking succeeds. Where it landed is recorded on the
 *       appointment; when Google refuses for good, the local booking stands and the reason is recorded.</li>
 *   <li>Cancelling: locally, then the Google event is deleted (404/410: gone already, fine).</li>
 *   <li>A revoked credential ({@code invalid_grant}, 401): the calendar is marked disconnected through the api
 *       and this call and later ones use the local calendar. A 5xx, 429 or network failure is thrown, so
 *       Temporal retries the activity (each step is idempotent).</li>
 * </ul>
 */
public class GoogleCalendarActivities implements CalendarActivities {

  private static final Logger log = LoggerFactory.getLogger(GoogleCalendarActivities.class);
  /** The local calendar offers at most this many slots per query. */
  static final int LOCAL_MAX_LIMIT = 100;

  private final CalendarActivities local;
  private final InternalApiClient api;
  private final GoogleConnections connections;
  private final GoogleCalendarClients clients;

  public GoogleCalendarActivities(CalendarActivities local, InternalApiClient api, GoogleConnections connections,
                                  GoogleCalendarClients clients) {
    this.local = local;
    this.api = api;
    this.connections = connections;
    this.clients = clients;
  }

  public GoogleCalendarActivities(CalendarActivities local, InternalApiClient api, GoogleCalendarSettings settings) {
    this(local, api, new GoogleConnections(api, settings), new GoogleCalendarClients(settings));
  }

  @Override
  public SlotOffer availableSlots(SlotQuery query) {
    Optional<GoogleConnection> google = connections.resolve(query.brokerSlug(), null, null);
    if (google.isEmpty()) {
      return local.availableSlots(query);
    }
    // ask for more than needed: some will be busy in Google
    int ask = Math.min(LOCAL_MAX_LIMIT, Math.max(query.limit() * 3, query.limit() + 10));
    SlotOffer offer = local.availableSlots(new SlotQuery(query.brokerSlug(), query.from(), query.days(), ask));
    if (offer.slots().isEmpty()) {
      return offer;
    }
    Duration length = Duration.ofMinutes(offer.durationMinutes());
    Instant windowStart = offer.slots().get(0);
    Instant windowEnd = offer.slots().get(offer.slots().size() - 1).plus(length);
    List<TimePeriod> busy;
    try {
      busy = busy(google.get(), windowStart, windowEnd);
    } catch (IOException e) {
      GoogleFailure failure = handle(query.brokerSlug(), google.get(), e, "free/busy");
      log.warn("Broker {}: Google free/busy failed ({}); offering the local calendar's slots",
          query.brokerSlug(), failure.message());
      return first(offer, query.limit());
    }
    List<Instant> free = new ArrayList<>();
    for (Instant start : offer.slots()) {
      Instant end = start.plus(length);
      boolean taken = busy.stream().anyMatch(b -> instant(b.getStart()).isBefore(end) && instant(b.getEnd()).isAfter(start));
      if (!taken) {
        free.add(start);
        if (free.size() == query.limit()) {
          break;
        }
      }
    }
    return new SlotOffer(free, offer.durationMinutes());
  }

  /** Busy periods of the connection's calendar within [from, to). */
  private List<TimePeriod> busy(GoogleConnection google, Instant from, Instant to) throws IOException {
    FreeBusyRequest request = new FreeBusyRequest()
        .setTimeMin(new DateTime(from.toEpochMilli()))
        .setTimeMax(new DateTime(to.toEpochMilli()))
        .setItems(List.of(new FreeBusyRequestItem().setId(google.calendarId())));
    FreeBusyResponse response = clients.client(google).freebusy().query(request).execute();
    Map<String, FreeBusyCalendar> calendars = response.getCalendars() == null ? Map.of() : response.getCalendars();
    FreeBusyCalendar calendar = calendars.get(google.calendarId());
    if (calendar == null && calendars.size() == 1) {
      calendar = calendars.values().iterator().next();
    }
    if (calendar == null) {
      throw new IOException("free/busy answered no calendar " + google.calendarId());
    }
    if (calendar.getErrors() != null && !calendar.getErrors().isEmpty()) {
      // per-calendar errors come inside a 200: {"domain":"global","reason":"notFound"} and the like
      String reason = calendar.getErrors().get(0).getReason();
      int status = "notFound".equals(reason) ? 404 : "internalError".equals(reason) || "backendError".equals(reason) ? 503 : 403;
      throw new FreeBusyCalendarError(status, reason);
    }
    return calendar.getBusy() == null ? List.of() : calendar.getBusy();
  }

  /** A calendar's error inside a 200 free/busy answer, as the HTTP status it stands for. */
  static final class FreeBusyCalendarError extends IOException {

    FreeBusyCalendarError(int status, String reason) {
      super(new com.google.api.client.http.HttpResponseException.Builder(status, reason,
          new com.google.api.client.http.HttpHeaders()).setContent("free/busy calendar error: " + reason).build());
    }
  }

  @Override
  public BookingResult book(BookingRequest request) {
    BookingResult booked = local.book(request);
    if (!booked.booked()) {
      return booked; // taken or unavailable: Google is never touched
    }
    Optional<GoogleConnection> google = connections.resolve(request.brokerSlug(), request.leadId(),
        request.appointmentId());
    if (google.isEmpty()) {
      return booked;
    }
    try {
      Event event = insertOrFetch(google.get(), request, booked);
      record(request, google.get(), event, null);
    } catch (IOException e) {
      GoogleFailure failure = handle(request.brokerSlug(), google.get(), e, "event insert");
      log.warn("Broker {}: visit {} is booked in the local calendar only: Google refused its event ({})",
          request.brokerSlug(), request.appointmentId(), failure.message());
      record(request, google.get(), null, failure.kind() == GoogleFailure.Kind.REVOKED
          ? "calendar disconnected: " + failure.message() : failure.message());
    }
    return booked;
  }

  private Event insertOrFetch(GoogleConnection google, BookingRequest request, BookingResult booked)
      throws IOException {
    Calendar calendar = clients.client(google);
    String eventId = GoogleEventIds.of(request.appointmentId());
    try {
      Calendar.Events.Insert insert = calendar.events().insert(google.calendarId(), event(eventId, google, request, booked));
      if (google.meet()) {
        insert.setConferenceDataVersion(1);
      }
      return insert.execute();
    } catch (IOException e) {
      if (!GoogleFailure.of(e).duplicate()) {
        throw e;
      }
      // 409 "The requested identifier already exists": an earlier attempt created it
      log.info("Broker {}: Google event {} of visit {} exists already; using it", request.brokerSlug(), eventId,
          request.appointmentId());
      return calendar.events().get(google.calendarId(), eventId).execute();
    }
  }

  private static Event event(String eventId, GoogleConnection google, BookingRequest request, BookingResult booked) {
    Instant end = booked.slotEnd() != null ? booked.slotEnd() : booked.slotStart().plus(Duration.ofHours(1));
    String name = request.leadName() == null || request.leadName().isBlank() ? "un interesado" : request.leadName().strip();
    StringBuilder description = new StringBuilder("Visita agendada por Inmo.");
    if (request.notes() != null && !request.notes().isBlank()) {
      description.append("\n\n").append(request.notes().strip());
    }
    description.append("\n\nLead: ").append(request.leadId());
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("inmoAppointmentId", request.appointmentId().toString());
    tags.put("inmoLeadId", String.valueOf(request.leadId()));
    tags.put("inmoBroker", request.brokerSlug());
    Event event = new Event()
        .setId(eventId)
        .setSummary("Visita: " + name)
        .setDescription(description.toString())
        .setStart(new EventDateTime().setDateTime(new DateTime(booked.slotStart().toEpochMilli())))
        .setEnd(new EventDateTime().setDateTime(new DateTime(end.toEpochMilli())))
        .setExtendedProperties(new Event.ExtendedProperties().setPrivate(tags));
    if (google.meet()) {
      event.setConferenceData(new ConferenceData().setCreateRequest(new CreateConferenceRequest()
          .setRequestId(request.appointmentId().toString())
          .setConferenceSolutionKey(new ConferenceSolutionKey().setType("hangoutsMeet"))));
    }
    return event;
  }

  /** Tells the api where the visit landed in Google, or why it did not. */
  private void record(BookingRequest request, GoogleConnection google, Event event, String error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("brokerSlug", request.brokerSlug());
    body.put("provider", "google");
    body.put("connectionId", google.connectionId());
    body.put("calendarId", google.calendarId());
    body.put("eventId", event == null ? null : event.getId());
    body.put("htmlLink", event == null ? null : event.getHtmlLink());
    body.put("meetLink", event == null ? null : meetLink(event));
    body.put("error", error);
    expect(api.put("/internal/v1/appointments/" + request.appointmentId() + "/calendar-event", body),
        "record calendar event", 200, 204);
  }

  static String meetLink(Event event) {
    if (event.getHangoutLink() != null) {
      return event.getHangoutLink();
    }
    if (event.getConferenceData() != null && event.getConferenceData().getEntryPoints() != null) {
      for (EntryPoint entry : event.getConferenceData().getEntryPoints()) {
        if ("video".equals(entry.getEntryPointType())) {
          return entry.getUri();
        }
      }
    }
    return null;
  }

  @Override
  public CancellationResult cancel(CancellationRequest request) {
    CancellationResult cancelled = local.cancel(request);
    if (!cancelled.cancelled()) {
      return cancelled; // no such visit of this broker
    }
    Optional<GoogleConnection> google = connections.resolve(request.brokerSlug(), null, request.appointmentId());
    if (google.isEmpty()) {
      return cancelled;
    }
    String eventId = GoogleEventIds.of(request.appointmentId());
    try {
      clients.client(google.get()).events().delete(google.get().calendarId(), eventId).execute();
    } catch (IOException e) {
      GoogleFailure failure = GoogleFailure.of(e);
      if (failure.notFoundOrGone()) {
        return cancelled; // never made, or deleted already (a retry)
      }
      handle(request.brokerSlug(), google.get(), e, "event delete");
      log.warn("Broker {}: visit {} is cancelled locally but its Google event {} remains ({})",
          request.brokerSlug(), request.appointmentId(), eventId, failure.message());
    }
    return cancelled;
  }

  /**
   * Sorts a failure out: a transient one is thrown (Temporal retries); a revoked credential marks the
   * calendar disconnected; a permanent one is answered to the caller, which carries on with the local calendar.
   */
  private GoogleFailure handle(String brokerSlug, GoogleConnection google, IOException e, String what) {
    GoogleFailure failure = GoogleFailure.of(e);
    switch (failure.kind()) {
      case TRANSIENT -> throw new IllegalStateException("Google Calendar " + what + " failed, to be retried: "
          + failure.message(), e);
      case REVOKED -> {
        clients.forget(google);
        connections.disconnected(brokerSlug, google, failure.reason() == null ? failure.message()
            : failure.reason() + ": " + failure.message());
      }
      case PERMANENT -> log.warn("Broker {}: Google Calendar {} refused: {}", brokerSlug, what, failure.message());
    }
    return failure;
  }

  private static SlotOffer first(SlotOffer offer, int limit) {
    return new SlotOffer(offer.slots().stream().limit(limit).toList(), offer.durationMinutes());
  }

  private static Instant instant(DateTime dateTime) {
    return Instant.ofEpochMilli(dateTime.getValue());
  }

  /** For tests and logs: the event id of an appointment. */
  public static String eventId(UUID appointmentId) {
    return GoogleEventIds.of(appointmentId);
  }
}
