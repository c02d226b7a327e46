package com.inmo.api.telegram;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Telegram's webhooks: {@code /webhooks/telegram} for the default bot ({@code TELEGRAM_TOKEN}, the
 * default broker) and {@code /webhooks/telegram/{brokerSlug}} for a bot a broker connected itself.
 *
 * <p>In this order: size (over 1 MB → 413, {@code BodySizeLimitFilter}, before the body is held), secret
 * (missing or wrong → 401; an unknown broker is 401 too, so the path reveals no broker), parse (not an
 * update → 400), de-duplication (a retried update → 200, nothing signalled), hand-off to the lead's
 * workflow (200 only once Temporal took it; 503 otherwise, so Telegram retries). Updates that are no
 * lead's message (group chats, channel posts…) are answered 200 and dropped.
 */
@RestController
class TelegramWebhookController {

  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private final WebhookBots bots;
  private final TelegramIntake intake;

  TelegramWebhookController(WebhookBots bots, TelegramIntake intake) {
    this.bots = bots;
    this.intake = intake;
  }

  @PostMapping("/webhooks/telegram")
  Mono<ResponseEntity<Void>> defaultBot(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
                                        @RequestBody(required = false) byte[] body) {
    return receive(Mono.just(bots.defaultBot()), secret, body);
  }

  @PostMapping("/webhooks/telegram/{brokerSlug}")
  Mono<ResponseEntity<Void>> brokerBot(@PathVariable String brokerSlug,
                                       @RequestHeader(name = SECRET_HEADER, required = false) String secret,
                                       @RequestBody(required = false) byte[] body) {
    return receive(bots.brokerBot(brokerSlug), secret, body);
  }

  private Mono<ResponseEntity<Void>> receive(Mono<BotCredentials> bot, String secret, byte[] body) {
    return bot
        .filter(b -> b.secretMatches(secret))
        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "Missing or wrong " + SECRET_HEADER)))
        .flatMap(b -> Mono.fromCallable(() -> TelegramJson.parse(body)).flatMap(update -> intake.accept(b, update)))
        // an empty body: Telegram reads our answer as a Bot API call when it holds a "method"
        .map(outcome -> ResponseEntity.ok().<Void>build());
  }
}
