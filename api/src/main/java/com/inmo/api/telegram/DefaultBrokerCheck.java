package com.inmo.api.telegram;

import com.inmo.api.brokers.Brokers;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The default bot's leads belong to {@code DEFAULT_BROKER_SLUG} without the webhook ever asking the
 * database (it must work while the database is down), so a slug naming no broker would only show later,
 * as workflows whose every step fails. Said once at start, loudly; never a reason not to start.
 */
@Component
class DefaultBrokerCheck {

  private static final Logger log = LoggerFactory.getLogger(DefaultBrokerCheck.class);
  private final TelegramProperties props;
  private final Brokers brokers;

  DefaultBrokerCheck(TelegramProperties props, Brokers brokers) {
    this.props = props;
    this.brokers = brokers;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    if (!props.hasToken() && props.webhookSecret().isEmpty()) {
      return; // no default bot
    }
    brokers.findBySlug(props.defaultBroker()).hasElement()
        .timeout(Duration.ofSeconds(5))
        .subscribe(
            known -> {
              if (!known) {
                log.error("DEFAULT_BROKER_SLUG '{}' names no active broker: the default Telegram bot's leads would "
                    + "belong to no broker. Create it, or set DEFAULT_BROKER_SLUG", props.defaultBroker());
              }
            },
            e -> log.warn("Could not check DEFAULT_BROKER_SLUG '{}': {}", props.defaultBroker(), e.toString()));
  }
}
