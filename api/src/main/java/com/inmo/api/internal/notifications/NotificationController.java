package com.inmo.api.internal.notifications;

import com.inmo.api.brokers.Brokers;
import com.inmo.api.events.EventBus;
import com.inmo.api.events.LiveEvent;
import com.inmo.api.notifications.Notifications;
import com.inmo.api.web.Problems;
import com.inmo.workflows.activity.TeamNotification;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/v1/notifications}: stores what a workflow tells the team (201) and publishes a
 * {@code notification} event; the same {@code key} again is a retry (200, nothing published).
 */
@RestController
public class NotificationController {

  private final Brokers brokers;
  private final Notifications notifications;
  private final EventBus events;

  public NotificationController(Brokers brokers, Notifications notifications, EventBus events) {
    this.brokers = brokers;
    this.notifications = notifications;
    this.events = events;
  }

  @PostMapping("/internal/v1/notifications")
  public Mono<ResponseEntity<Notifications.Stored>> notify(@RequestBody TeamNotification n) {
    if (n.key() == null || n.key().isBlank() || n.kind() == null || n.kind().isBlank() || n.text() == null) {
      return Mono.error(Problems.badRequest("kind, text and key are required"));
    }
    return brokers.require(n.brokerSlug()).flatMap(broker -> notifications.insert(broker.id(), n)
        .flatMap(stored -> events.publish(LiveEvent.NOTIFICATION, broker.slug(), n.leadId(), n.workflowId(), stored)
            .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(stored)))
        .switchIfEmpty(Mono.defer(() -> notifications.byKey(n.key()).map(ResponseEntity::ok))));
  }
}
