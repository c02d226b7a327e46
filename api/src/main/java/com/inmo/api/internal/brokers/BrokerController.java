package com.inmo.api.internal.brokers;

import com.inmo.api.brokers.BrokerConfigCache;
import com.inmo.api.brokers.BrokerSettings;
import com.inmo.api.brokers.Brokers;
import com.inmo.workflows.broker.BrokerConfig;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The worker reads brokers here: which ones run (for their digest workflows) and each one's settings. */
@RestController
public class BrokerController {

  private final Brokers brokers;
  private final JsonMapper json;
  private final BrokerConfigCache cache;

  public BrokerController(Brokers brokers, JsonMapper json, BrokerConfigCache cache) {
    this.brokers = brokers;
    this.json = json;
    this.cache = cache;
  }

  @GetMapping("/internal/v1/brokers")
  public Flux<BrokerSummary> active() {
    return brokers.active().map(b -> new BrokerSummary(b.slug(), b.timeZone()));
  }

  /** The settings; a chat id set with the broker's own Telegram bot wins over the settings' one. */
  @GetMapping("/internal/v1/brokers/{slug}/config")
  public Mono<BrokerConfig> config(@PathVariable String slug) {
    return cache.get(slug, () -> brokers.require(slug).flatMap(b -> brokers.telegramNotifyChatId(b.id())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .map(chat -> BrokerSettings.toConfig(b, json, chat.orElse(null)))));
  }

  public record BrokerSummary(String slug, String timeZone) {
  }
}
