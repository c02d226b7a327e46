package com.inmo.api.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.inmo.api.auth.Role;
import com.inmo.api.auth.Viewer;
import com.inmo.api.brokers.Broker;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.web.Problems;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * A broker's own bot. Admins connect it here (the dashboard will later): the token and webhook secret are
 * stored sealed and never shown again; the worker reads the token through the internal endpoint to send.
 *
 * <p>{@code PUT|GET /api/v1/brokers/{slug}/telegram}: the broker's ADMIN or a SUPERADMIN; another
 * broker's user gets 404 (as for an unknown broker), an AGENT of the broker 403.
 * {@code GET /internal/v1/brokers/{slug}/telegram}: {@code {"token"}} or 404; the default broker answers
 * {@code TELEGRAM_TOKEN} when it is set (without the database).
 */
@RestController
class BrokerTelegramController {

  // what @BotFather hands out: the bot's numeric id, a colon, a 35-character key
  static final Pattern TOKEN = Pattern.compile("^\\d{3,20}:[A-Za-z0-9_-]{20,100}$");
  // Telegram's own rule for secret_token, with a floor that keeps it unguessable
  static final Pattern SECRET = Pattern.compile("^[A-Za-z0-9_-]{16,256}$");

  private final Brokers brokers;
  private final BrokerBots bots;
  private final WebhookBots webhookBots;

  BrokerTelegramController(Brokers brokers, BrokerBots bots, WebhookBots webhookBots) {
    this.brokers = brokers;
    this.bots = bots;
    this.webhookBots = webhookBots;
  }

  @PutMapping("/api/v1/brokers/{slug}/telegram")
  Mono<BotStatus> connect(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug, @RequestBody ConnectBot body) {
    if (body.token() == null || !TOKEN.matcher(body.token().trim()).matches()) {
      return Mono.error(Problems.badRequest("token must be a bot token as @BotFather gives it (123456789:AA…)"));
    }
    if (body.webhookSecret() == null || !SECRET.matcher(body.webhookSecret().trim()).matches()) {
      return Mono.error(Problems.badRequest("webhookSecret must be 16–256 characters of A–Z, a–z, 0–9, _ and -"));
    }
    return manageable(jwt, slug)
        .flatMap(broker -> bots.save(broker.id(), broker.slug(), body.token().trim(), body.webhookSecret().trim(),
            body.notifyChatId()))
        .map(bot -> {
          webhookBots.remember(bot);
          return BotStatus.of(bot);
        });
  }

  @GetMapping("/api/v1/brokers/{slug}/telegram")
  Mono<BotStatus> status(@AuthenticationPrincipal Jwt jwt, @PathVariable String slug) {
    return manageable(jwt, slug).flatMap(broker -> bots.findBySlug(broker.slug())
        .map(BotStatus::of)
        .defaultIfEmpty(new BotStatus(false, null, null, null, null)));
  }

  /** The broker, when this user may manage its bot. */
  private Mono<Broker> manageable(Jwt jwt, String slug) {
    Viewer viewer = Viewer.of(jwt);
    return brokers.require(slug).flatMap(broker -> {
      if (viewer.seesAllBrokers()) {
        return Mono.just(broker);
      }
      if (!broker.id().equals(viewer.brokerId())) {
        return Mono.error(Problems.notFound("Unknown broker '" + slug + "'"));
      }
      return viewer.role() == Role.ADMIN ? Mono.just(broker)
          : Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the broker's admin connects its bot"));
    });
  }

  public record ConnectBot(String token, String webhookSecret, Long notifyChatId) {

    @Override
    public String toString() {
      return "ConnectBot[notifyChatId=" + notifyChatId + "]"; // never the credentials in a log
    }
  }

  /** Whether a bot is connected, and which; never its token or secret. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BotStatus(boolean connected, String botId, Long notifyChatId, Instant updatedAt, String webhookPath) {

    static BotStatus of(BrokerBots.BrokerBot bot) {
      return new BotStatus(true, bot.botId(), bot.notifyChatId(), bot.updatedAt(), "/webhooks/telegram/" + bot.slug());
    }
  }
}
