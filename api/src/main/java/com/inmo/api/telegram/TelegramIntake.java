package com.inmo.api.telegram;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import reactor.core.publisher.Mono;

/**
 * The one path every update takes, whether Telegram posted it (webhook) or we fetched it (long polling):
 * read it, skip what is not a lead's message, skip what was handed off before, hand off, remember.
 */
@Component
class TelegramIntake {

  enum Outcome { SIGNALLED, DUPLICATE, IGNORED }

  private final UpdateDedup dedup;
  private final TelegramHandoff handoff;

  TelegramIntake(UpdateDedup dedup, TelegramHandoff handoff) {
    this.dedup = dedup;
    this.handoff = handoff;
  }

  /** Completes with what became of the update; errors (a 503 problem) when Temporal did not take it. */
  Mono<Outcome> accept(BotCredentials bot, Update update) {
    Optional<LeadInbound> inbound = TelegramUpdates.read(update);
    if (inbound.isEmpty()) {
      return Mono.just(Outcome.IGNORED);
    }
    long updateId = update.getUpdateId();
    return dedup.seen(bot.botKey(), updateId).flatMap(seen -> seen
        ? Mono.just(Outcome.DUPLICATE)
        : handoff.deliver(bot.brokerSlug(), inbound.get())
            .then(dedup.remember(bot.botKey(), updateId))
            .thenReturn(Outcome.SIGNALLED));
  }
}
