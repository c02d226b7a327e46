package com.inmo.api.telegram;

import com.inmo.api.gateway.LeadGateway;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import reactor.core.publisher.Mono;

/**
 * The one path every update takes, whether Telegram posted it (webhook) or we fetched it (long polling):
 * read it, skip what is not a lead's message, skip what was handed off before, hand it to the lead's workflow,
 * remember. The first message of a chat creates the lead (signal-with-start); an edit or a block only signals a
 * lead that exists. Needs Temporal and Redis only, never the database.
 */
@Component
class TelegramIntake {

  enum Outcome { SIGNALLED, DUPLICATE, IGNORED }

  private final UpdateDedup dedup;
  private final LeadGateway gateway;

  TelegramIntake(UpdateDedup dedup, LeadGateway gateway) {
    this.dedup = dedup;
    this.gateway = gateway;
  }

  /**
   * Completes with what became of the update; errors (a 503 problem) when Temporal did not take it, so that
   * Telegram retries.
   */
  Mono<Outcome> accept(BotCredentials bot, Update update) {
    Optional<LeadInbound> inbound = TelegramUpdates.read(update);
    if (inbound.isEmpty()) {
      return Mono.just(Outcome.IGNORED);
    }
    long updateId = update.getUpdateId();
    return dedup.seen(bot.botKey(), updateId).flatMap(seen -> seen
        ? Mono.just(Outcome.DUPLICATE)
        : handOff(bot.brokerSlug(), inbound.get())
            .then(dedup.remember(bot.botKey(), updateId))
            .thenReturn(Outcome.SIGNALLED));
  }

  private Mono<Void> handOff(String brokerSlug, LeadInbound in) {
    String workflowId = in.workflowId(brokerSlug);
    return in.mayStartLead()
        ? gateway.inbound(workflowId, in.start(brokerSlug), in.message())
        : gateway.inboundIfRunning(workflowId, in.message()).then();
  }
}
