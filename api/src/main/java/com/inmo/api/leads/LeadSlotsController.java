package com.inmo.api.leads;

import com.inmo.api.auth.Viewer;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.calendar.Calendars;
import com.inmo.api.calendar.SlotPlanner;
import com.inmo.api.web.Problems;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/leads/{id}/slots?days=&limit=}: the free visit slots of the lead's broker calendar from
 * now, for an agent booking a visit from the dashboard ({@code POST /api/v1/leads/{id}/appointments}). The
 * window is at most the 14 days and 100 slots the workflow itself checks a booking against, so every slot
 * offered here is one it accepts while still free. Scoped like the lead (404 outside the viewer's leads).
 */
@RestController
public class LeadSlotsController {

  /** The workflow's own window for a booked slot (LeadWorkflowImpl.bookVisit: freeSlots(100, 14)). */
  static final int MAX_DAYS = 14;
  static final int MAX_LIMIT = 100;

  private final LeadReads leads;
  private final Brokers brokers;
  private final Calendars calendars;

  public LeadSlotsController(LeadReads leads, Brokers brokers, Calendars calendars) {
    this.leads = leads;
    this.brokers = brokers;
    this.calendars = calendars;
  }

  @GetMapping("/api/v1/leads/{id}/slots")
  public Mono<FreeSlots> slots(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                               @RequestParam(defaultValue = "14") int days,
                               @RequestParam(defaultValue = "40") int limit) {
    if (days < 1 || days > MAX_DAYS || limit < 1 || limit > MAX_LIMIT) {
      return Mono.error(Problems.badRequest("days must be 1–" + MAX_DAYS + " and limit 1–" + MAX_LIMIT));
    }
    return leads.find(Viewer.of(token), id)
        .switchIfEmpty(Mono.error(() -> Problems.notFound("No lead " + id)))
        .flatMap(row -> brokers.findById(row.brokerId()))
        .flatMap(broker -> {
          Instant now = Instant.now();
          Instant end = now.atZone(broker.zone()).plusDays(days + 1L).toInstant();
          return Mono.zip(calendars.weeklyHours(broker.id()), calendars.busy(broker.id(), now, end))
              .map(t -> {
                List<SlotPlanner.Slot> free = SlotPlanner.free(broker.zone(), t.getT1(), t.getT2(), now, days, limit);
                return new FreeSlots(free.stream().map(s -> new Slot(s.start(), s.end())).toList(),
                    broker.timeZone());
              });
        });
  }

  /** @param timeZone the broker's, in which the slots are meant (business hours) */
  public record FreeSlots(List<Slot> slots, String timeZone) {
  }

  public record Slot(Instant start, Instant end) {
  }
}
