package com.inmo.api.internal.telegram;

import com.inmo.api.telegram.BrokerBots;
import com.inmo.api.telegram.TelegramProperties;
import com.inmo.api.web.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/v1/brokers/{slug}/telegram}: the token of the bot serving a broker, for the worker to send
 * with: {@code {"token"}} or 404. The default broker answers {@code TELEGRAM_TOKEN} when it is set (without the
 * database); a broker's own bot is {@link BrokerBots}'.
 */
@RestController
public class BotTokenController {

  private final BrokerBots bots;
  private final TelegramProperties props;

  public BotTokenController(BrokerBots bots, TelegramProperties props) {
    this.bots = bots;
    this.props = props;
  }

  @GetMapping("/internal/v1/brokers/{slug}/telegram")
  public Mono<BotToken> token(@PathVariable String slug) {
    if (props.hasToken() && slug.equalsIgnoreCase(props.defaultBroker())) {
      return Mono.just(new BotToken(props.token()));
    }
    return bots.findBySlug(slug)
        .map(bot -> new BotToken(bot.token()))
        .switchIfEmpty(Mono.error(() -> Problems.notFound("Broker '" + slug + "' has no Telegram bot")));
  }

  public record BotToken(String token) {

    @Override
    public String toString() {
      return "BotToken[…]";
    }
  }
}
