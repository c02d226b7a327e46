package com.inmo.api.internal.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.calendar.Appointments;
import com.inmo.api.calendar.google.CalendarConnections;
import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.leads.LeadAssignments;
import com.inmo.api.web.Problems;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The worker's side of Google Calendar (docs/internal-api.md), behind the internal token.
 *
 * <ul>
 *   <li>{@code GET /internal/v1/brokers/{slug}/calendar/google[?leadId=|appointmentId=]}: the connection a
 *       calendar call uses, with its refresh token opened: for an appointment, the calendar its event was put
 *       in; for a lead, its assigned agent's calendar when that agent connected one; else the broker's. 404
 *       when none applies (the worker then uses GOOGLE_REFRESH_TOKEN for the default broker, or the local
 *       calendar).</li>
 *   <li>{@code POST /internal/v1/brokers/{slug}/calendar/google/disconnected}: Google refused the token
 *       ({@code invalid_grant}, 401): the connection reads "disconnected" until connected again, and the
 *       dashboard is told live.</li>
 *   <li>{@code PUT /internal/v1/appointments/{id}/calendar-event}: where the visit landed in Google (event
 *       id, link, Meet link), or why it could not.</li>
 * </ul>
 */
@RestController
public class GoogleConnectionController {

  private static final Logger log = LoggerFactory.getLogger(GoogleConnectionController.class);
  private final Brokers brokers;
  private final CalendarConnections connections;
  private final EventBus events;
  private final Appointments appointments;
  private final LeadAssignments assignments;

  public GoogleConnectionController(Brokers brokers, CalendarConnections connections, EventBus events,
                                          Appointments appointments, LeadAssignments assignments) {
    this.brokers = brokers;
    this.connections = connections;
    this.events = events;
    this.appointments = appointments;
    this.assignments = assignments;
  }

  /**
   * One connection as the worker needs it.
   *
   * @param connectionId   null for the environment's (default broker) record
   * @param status         {@code connected} or {@code disconnected}
   * @param source         {@code oauth} or {@code environment}
   * @param envFingerprint for an environment record: which GOOGLE_REFRESH_TOKEN Google revoked
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WorkerConnection(UUID connectionId, UUID userId, String source, String status, String refreshToken,
                                 String calendarId, boolean meet, String envFingerprint) {

    static WorkerConnection of(CalendarConnections.Connection c) {
      return new WorkerConnection(c.fromEnvironment() ? null : c.id(), c.userId(), c.source(),
          c.connected() ? "connected" : "disconnected", c.connected() ? c.refreshToken() : null, c.calendarId(),
          c.meet(), c.envFingerprint());
    }

    @Override
    public String toString() {
      return "WorkerConnection[" + connectionId + ", " + status + "]";
    }
  }

  @GetMapping("/internal/v1/brokers/{slug}/calendar/google")
  public Mono<WorkerConnection> connection(@PathVariable String slug, @RequestParam(required = false) UUID leadId,
                                           @RequestParam(required = false) UUID appointmentId) {
    return brokers.require(slug).flatMap(broker -> {
      Mono<Appointments.CalendarLink> link = appointmentId == null ? Mono.empty()
          : appointments.calendarLink(broker.id(), appointmentId).cache();
      // the calendar the visit's event was put in; the environment's when it went there (no connection row)
      Mono<CalendarConnections.Connection> recorded = link.filter(l -> l.connectionId() != null)
          .flatMap(l -> connections.findById(l.connectionId()));
      Mono<UUID> lead = link.filter(l -> !l.inEnvironmentCalendar()).map(Appointments.CalendarLink::leadId)
          .switchIfEmpty(link.hasElement().flatMap(known -> known ? Mono.<UUID>empty() : Mono.<UUID>justOrEmpty(leadId)));
      Mono<UUID> agent = lead.flatMap(id -> assignments.agentOf(broker.id(), id));
      Mono<CalendarConnections.Connection> agents = agent.flatMap(a -> connections.find(broker.id(), a))
          .filter(c -> c.connected());
      return recorded.switchIfEmpty(agents).switchIfEmpty(connections.find(broker.id(), null))
          .map(WorkerConnection::of)
          .switchIfEmpty(Mono.error(() -> Problems.notFound("Broker '" + slug + "' has no Google calendar connected")));
    });
  }

  /** {@code connectionId} null: the environment's GOOGLE_REFRESH_TOKEN of the default broker, named by fingerprint. */
  public record Disconnected(UUID connectionId, String envFingerprint, String calendarId, String reason) {
  }

  @PostMapping("/internal/v1/brokers/{slug}/calendar/google/disconnected")
  public Mono<ResponseEntity<Void>> disconnected(@PathVariable String slug, @RequestBody Disconnected body) {
    String reason = body.reason() == null || body.reason().isBlank() ? "Google refused the calendar's access"
        : body.reason().strip();
    if (body.connectionId() == null && (body.envFingerprint() == null || body.envFingerprint().isBlank())) {
      return Mono.error(Problems.badRequest("connectionId, or envFingerprint for the environment's token, is required"));
    }
    return brokers.require(slug).flatMap(broker -> {
      Mono<Boolean> changed;
      if (body.connectionId() != null) {
        changed = connections.findById(body.connectionId())
            .filter(c -> c.brokerId().equals(broker.id()))
            .switchIfEmpty(Mono.error(() -> Problems.notFound("No calendar connection " + body.connectionId())))
            .flatMap(c -> connections.markDisconnected(c.id(), reason));
      } else {
        changed = connections.markEnvironmentDisconnected(broker.id(), body.envFingerprint(), body.calendarId(), reason);
      }
      return changed.flatMap(yes -> {
        if (!yes) {
          return Mono.empty();
        }
        log.warn("Broker {}: Google calendar disconnected ({}); bookings use the local calendar until it is "
            + "connected again", broker.slug(), reason);
        return announce(broker, body, reason);
      }).thenReturn(ResponseEntity.noContent().<Void>build());
    });
  }

  private Mono<Void> announce(Broker broker, Disconnected body, String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", "disconnected");
    data.put("source", body.connectionId() == null ? "environment" : "oauth");
    data.put("connectionId", body.connectionId());
    data.put("reason", reason);
    data.put("disconnectedAt", Instant.now());
    Mono<Void> withOwner = body.connectionId() == null ? Mono.empty()
        : connections.findById(body.connectionId()).doOnNext(c -> {
          data.put("scope", c.userId() == null ? "broker" : "agent");
          data.put("userId", c.userId());
        }).then();
    return withOwner.then(Mono.defer(() -> events.publish(LiveEvent.CALENDAR_STATUS, broker.slug(), null, null, data)));
  }

  /** Where a visit landed in Google, or why not: the local booking stands either way. */
  @PutMapping("/internal/v1/appointments/{appointmentId}/calendar-event")
  public Mono<ResponseEntity<Void>> calendarEvent(@PathVariable UUID appointmentId,
                                                  @RequestBody Appointments.CalendarEvent body) {
    return brokers.require(body.brokerSlug())
        .flatMap(broker -> appointments.recordCalendarEvent(broker.id(), appointmentId, body))
        .flatMap(found -> found ? Mono.just(ResponseEntity.noContent().<Void>build())
            : Mono.error(Problems.notFound("No appointment " + appointmentId)));
  }
}
