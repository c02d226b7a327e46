package com.inmo.api.calendar;

import com.inmo.api.auth.Viewer;
import com.inmo.api.leads.LeadReads;
import com.inmo.api.web.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/appointments?from=&to=&leadId=&agentId=&status=}: visits starting in [from, to) (default:
 * from now, 30 days), scoped like leads: a superadmin all, an admin their broker, an agent the visits of their
 * leads. {@code leadId} of a lead the viewer cannot see is 404; {@code agentId} is the lead's assigned agent;
 * {@code status} BOOKED or CANCELLED. Each row names the lead's assigned agent ({@code assignedAgentId}, null when
 * unassigned), so a calendar shows whose visit it is.
 */
@RestController
public class AppointmentController {

  static final Duration DEFAULT_SPAN = Duration.ofDays(30);
  static final Duration MAX_SPAN = Duration.ofDays(366);
  private final Appointments appointments;
  private final LeadReads leads;

  public AppointmentController(Appointments appointments, LeadReads leads) {
    this.appointments = appointments;
    this.leads = leads;
  }

  /** An appointment's state. */
  enum Status {
    BOOKED, CANCELLED
  }

  @GetMapping("/api/v1/appointments")
  public Flux<Appointments.AppointmentRow> list(@AuthenticationPrincipal Jwt token,
                                                @RequestParam(required = false) Instant from,
                                                @RequestParam(required = false) Instant to,
                                                @RequestParam(required = false) UUID leadId,
                                                @RequestParam(required = false) UUID agentId,
                                                @RequestParam(required = false) String status) {
    Instant start = from == null ? Instant.now() : from;
    Instant end = to == null ? start.plus(DEFAULT_SPAN) : to;
    if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
      return Flux.error(Problems.badRequest("to must be after from, at most 366 days later"));
    }
    String onlyStatus;
    try {
      onlyStatus = status == null || status.isBlank() ? null : Status.valueOf(status.trim().toUpperCase(Locale.ROOT)).name();
    } catch (IllegalArgumentException e) {
      return Flux.error(Problems.badRequest("Unknown status '" + status + "'; one of " + Arrays.toString(Status.values())));
    }
    Viewer viewer = Viewer.of(token);
    if (leadId != null) {
      // a lead the viewer cannot see does not exist for them, like its detail
      return leads.find(viewer, leadId).switchIfEmpty(Mono.error(() -> Problems.notFound("No lead " + leadId)))
          .thenMany(appointments.list(viewer, start, end, leadId, agentId, onlyStatus));
    }
    return appointments.list(viewer, start, end, null, agentId, onlyStatus);
  }

}
