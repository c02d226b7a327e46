package com.inmo.api.events;

import com.inmo.api.auth.Viewer;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.leads.LeadReads;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/events}: the dashboard's live feed, one SSE event per {@link LiveEvent} the viewer
 * may see (event name = its type, data = the whole event). Admins get their broker's; agents only those of
 * leads assigned to them; a superadmin all.
 */
@RestController
public class EventsController {

  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private final EventBus events;
  private final Brokers brokers;
  private final LeadReads leads;

  public EventsController(EventBus events, Brokers brokers, LeadReads leads) {
    this.events = events;
    this.brokers = brokers;
    this.leads = leads;
  }

  @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<ServerSentEvent<LiveEvent>> stream(@AuthenticationPrincipal Jwt token, ServerHttpResponse response) {
    response.getHeaders().set("X-Accel-Buffering", "no");
    response.getHeaders().setCacheControl("no-cache");
    Viewer viewer = Viewer.of(token);
    Mono<String> brokerSlug = viewer.seesAllBrokers() || viewer.brokerId() == null
        ? Mono.just("")
        : brokers.findById(viewer.brokerId()).map(b -> b.slug()).defaultIfEmpty("\u0000none");
    return brokerSlug.flatMapMany(slug -> {
      Flux<ServerSentEvent<LiveEvent>> visible = events.events()
          .filter(e -> viewer.seesAllBrokers() || slug.equals(e.brokerSlug()))
          .onBackpressureBuffer(1024, BufferOverflowStrategy.DROP_OLDEST)
          // an agent sees a lead's events only while it is assigned to them: asked per event
          .concatMap(e -> viewer.onlyAssignedTo() == null ? Mono.just(e)
              : e.leadId() == null ? Mono.empty() : leads.find(viewer, e.leadId()).map(row -> e))
          .map(e -> ServerSentEvent.builder(e).event(e.type()).id(e.id()).build());
      Flux<ServerSentEvent<LiveEvent>> heartbeat = Flux.interval(HEARTBEAT)
          .map(i -> ServerSentEvent.<LiveEvent>builder().comment("heartbeat").build());
      return Flux.merge(visible, Mono.just(ServerSentEvent.<LiveEvent>builder().comment("connected").build()),
          heartbeat);
    });
  }
}
