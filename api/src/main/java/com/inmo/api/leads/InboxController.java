package com.inmo.api.leads;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.inmo.api.gateway.LeadGateway;
import com.inmo.api.auth.UserAccounts;
import com.inmo.api.auth.Viewer;
import com.inmo.workflows.lead.LeadView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/leads/inbox}: the viewer's leads in human mode, whether an agent took them over or the
 * lead asked for a person (the workflow hands those to the humans too, nobody holding them yet), oldest wait
 * first. The read model knows which leads are in human mode; since when, and whether someone holds them, only
 * each lead's workflow knows, so every one is asked (in parallel, 3 s each at most, like the detail view). A
 * lead whose workflow does not answer is still listed, without its clocks.
 */
@RestController
public class InboxController {

  /** An inbox is short; a broker with more human-mode leads than this has another problem. */
  static final int MAX_ITEMS = 200;
  static final int PARALLEL_QUERIES = 8;

  private final LeadReads leads;
  private final LeadGateway gateway;
  private final UserAccounts users;

  public InboxController(LeadReads leads, LeadGateway gateway, UserAccounts users) {
    this.leads = leads;
    this.gateway = gateway;
    this.users = users;
  }

  @GetMapping("/api/v1/leads/inbox")
  public Mono<Inbox> inbox(@AuthenticationPrincipal Jwt token) {
    LeadQuery humans = new LeadQuery(List.of(), List.of(), List.of(), null, null, null, false, null, true, null,
        null, null, null, null);
    return leads.list(Viewer.of(token), humans, new LeadSort.Order(LeadSort.UPDATED_AT, false), null, MAX_ITEMS, 0)
        .flatMap(page -> Flux.fromIterable(page.items())
            .flatMapSequential(row -> gateway.state(row.workflowId())
                // a workflow that left human mode since the row was written is no longer waiting for anyone
                .filter(view -> view.map(LeadView::humanMode).orElse(true))
                .flatMap(view -> holder(view).map(name -> item(row, view, name.orElse(null)))),
                PARALLEL_QUERIES)
            .sort(Comparator.comparing(InboxItem::waitingSince))
            .collectList()
            .map(items -> new Inbox(items, page.total())));
  }

  /** The name of the user holding the conversation, when one does and still exists. */
  private Mono<Optional<String>> holder(Optional<LeadView> view) {
    String userId = view.map(LeadView::humanUserId).orElse(null);
    if (userId == null) {
      return Mono.just(Optional.empty());
    }
    UUID id;
    try {
      id = UUID.fromString(userId);
    } catch (IllegalArgumentException e) {
      return Mono.just(Optional.empty());
    }
    return users.findById(id).map(u -> Optional.of(u.fullName())).defaultIfEmpty(Optional.empty());
  }

  static InboxItem item(LeadRow row, Optional<LeadView> live, String holderName) {
    LeadView view = live.orElse(null);
    if (view == null) {
      return new InboxItem(row, null, null, null, null, false, row.updatedAt());
    }
    Instant since = view.humanWaitingSince() != null ? view.humanWaitingSince()
        : view.humanSince() != null ? view.humanSince() : row.updatedAt();
    return new InboxItem(row, view.humanUserId(), holderName, view.humanSince(), view.humanWaitingSince(),
        view.humanUserId() == null, since);
  }

  /** @param total every human-mode lead of the viewer, even past the first {@value #MAX_ITEMS} */
  public record Inbox(List<InboxItem> items, long total) {
  }

  /**
   * The row's fields at the top level, and the workflow's human-mode clocks.
   *
   * @param humanUserId       who holds the conversation; null while nobody took it
   * @param humanUserName     their name
   * @param humanSince        when the lead entered human mode
   * @param humanWaitingSince since when the lead's last message waits for a human answer; null once answered
   * @param requested         the lead asked for a person (or was handed over) and no agent holds it yet
   * @param waitingSince      the inbox's order and clock: the wait, else the human mode's start, else the row's
   *                          last change when the workflow did not answer
   */
  public record InboxItem(@JsonUnwrapped LeadRow lead, String humanUserId, String humanUserName, Instant humanSince,
                          Instant humanWaitingSince, boolean requested, Instant waitingSince) {
  }
}
