package com.inmo.api.events;

import com.inmo.api.auth.AccountStates;
import com.inmo.api.auth.Viewer;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.leads.LeadReads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/events}: the dashboard's live feed, one SSE event per {@link LiveEvent} the viewer
 * may see (event name = its type, id = its log id, data = the whole event). Admins get their broker's;
 * agents only those of leads assigned to them; a superadmin all.
 *
 * <p>A client reconnecting with {@code Last-Event-ID} (the header browsers send, or the {@code lastEventId}
 * parameter) first gets the events it missed from the replay log, then the live ones, none twice. When the
 * log cannot vouch for everything since that id (older than the replay window), it gets a {@code resync}
 * event instead of the replay: the client should reload its lists, then carry on with the live events.
 *
 * <p>A stream lasts only as long as its viewer's access ({@link AccountStates}): checked again at once when this
 * process changes the user or their broker, and every {@code inmo.events.access-recheck} (10 s) for changes made
 * elsewhere. A viewer who lost it (deactivated, demoted, deleted, broker deactivated, logged out, password reset) has
 * the stream ended; the dashboard reconnects, gets 401, and refreshes into its new role or logs out.
 */
@RestController
public class EventsController {

  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  static final int BUFFER = 1024;
  public static final String RESYNC = "resync";
  private static final Logger log = LoggerFactory.getLogger(EventsController.class);

  private final EventBus events;
  private final EventLog eventLog;
  private final Brokers brokers;
  private final LeadReads leads;
  private final JsonMapper json;
  private final AccountStates accounts;
  private final Duration accessRecheck;

  public EventsController(EventBus events, EventLog eventLog, Brokers brokers, LeadReads leads, JsonMapper json,
                          AccountStates accounts,
                          @Value("${inmo.events.access-recheck:10s}") Duration accessRecheck) {
    this.events = events;
    this.eventLog = eventLog;
    this.brokers = brokers;
    this.leads = leads;
    this.json = json;
    this.accounts = accounts;
    this.accessRecheck = accessRecheck;
  }

  @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<ServerSentEvent<LiveEvent>> stream(@AuthenticationPrincipal Jwt token,
                                                 @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                                 @RequestParam(name = "lastEventId", required = false) String lastEventParam,
                                                 ServerHttpResponse response) {
    response.getHeaders().set("X-Accel-Buffering", "no");
    response.getHeaders().setCacheControl("no-cache");
    Viewer viewer = Viewer.of(token);
    String resumeFrom = lastEventId != null && !lastEventId.isBlank() ? lastEventId : lastEventParam;
    Mono<String> brokerSlug = viewer.seesAllBrokers() || viewer.brokerId() == null
        ? Mono.just("")
        : brokers.findById(viewer.brokerId()).map(b -> b.slug()).defaultIfEmpty("\u0000none");
    return brokerSlug.flatMapMany(slug -> {
      Predicate<LiveEvent> inBroker = e -> viewer.seesAllBrokers() || slug.equals(e.brokerSlug());
      // live events are taken (and held) from now on, before the log is read: none falls between the two
      Sinks.Many<LiveEvent> held = Sinks.many().unicast().onBackpressureBuffer(Queues.<LiveEvent>get(BUFFER).get());
      Disposable live = events.events().filter(inBroker).subscribe(held::tryEmitNext);
      Flux<LiveEvent> missed = resumeFrom == null || resumeFrom.isBlank() ? Flux.empty() : replay(resumeFrom, inBroker);
      AtomicReference<String> lastSent = new AtomicReference<>(resumeFrom);
      Flux<ServerSentEvent<LiveEvent>> visible = Flux.concat(missed, held.asFlux().filter(e -> notSentYet(e, lastSent)))
          .doOnNext(e -> {
            if (EventIds.parse(e.id()) != null) {
              lastSent.set(e.id());
            }
          })
          // an agent sees a lead's events only while it is assigned to them: asked per event
          .concatMap(e -> viewer.onlyAssignedTo() == null || RESYNC.equals(e.type()) ? Mono.just(e)
              : e.leadId() == null ? Mono.empty() : leads.find(viewer, e.leadId()).map(row -> e))
          .map(e -> e.id() == null ? ServerSentEvent.builder(e).event(e.type()).build()
              : ServerSentEvent.builder(e).event(e.type()).id(e.id()).build())
          .doFinally(signal -> live.dispose());
      Flux<ServerSentEvent<LiveEvent>> heartbeat = Flux.interval(HEARTBEAT)
          .map(i -> ServerSentEvent.<LiveEvent>builder().comment("heartbeat").build());
      return Flux.merge(visible, Mono.just(ServerSentEvent.<LiveEvent>builder().comment("connected").build()),
          heartbeat).takeUntilOther(accessLost(token, viewer));
    });
  }

  /**
   * Completes once the viewer's token no longer grants access. While the database cannot tell, the open stream
   * goes on (new requests are refused meanwhile).
   */
  private Mono<Void> accessLost(Jwt token, Viewer viewer) {
    return Flux.merge(Flux.interval(accessRecheck), accounts.changesOf(viewer))
        .concatMap(tick -> accounts.permits(token).onErrorReturn(true))
        .filter(permitted -> !permitted)
        .next()
        .then();
  }

  /** What the log holds after {@code lastEventId} for this viewer's broker, or a {@code resync} when it cannot tell. */
  private Flux<LiveEvent> replay(String lastEventId, Predicate<LiveEvent> inBroker) {
    return eventLog.after(lastEventId)
        .onErrorResume(e -> {
          log.warn("Could not read the event log to replay after {}: {}", lastEventId, e.toString());
          return Mono.just(EventLog.Replay.INCOMPLETE);
        })
        .flatMapMany(replay -> replay.complete() ? Flux.fromIterable(replay.events()).filter(inBroker)
            : Flux.just(resync()));
  }

  private LiveEvent resync() {
    return new LiveEvent(null, RESYNC, null, null, null,
        json.valueToTree(Map.of("reason", "events since Last-Event-ID are no longer all kept; reload")));
  }

  /** Live events the replay already carried (published while the log was read) are dropped. */
  private static boolean notSentYet(LiveEvent e, AtomicReference<String> lastSent) {
    EventIds.Id last = EventIds.parse(lastSent.get());
    return last == null || EventIds.parse(e.id()) == null || EventIds.isAfter(e.id(), last);
  }
}
