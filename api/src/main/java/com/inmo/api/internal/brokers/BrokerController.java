package com.inmo.api.internal.brokers;

import com.inmo.api.brokers.BrokerConfigCache;
import com.inmo.api.brokers.BrokerSettings;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.config.Environments;
import com.inmo.api.voice.VoiceProperties;
import com.inmo.workflows.broker.BrokerConfig;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
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
  private final boolean voiceEnabled;

  public BrokerController(Brokers brokers, JsonMapper json, BrokerConfigCache cache, VoiceProperties voice,
                          @Value("${inmo.environment:development}") String environment) {
    this.brokers = brokers;
    this.json = json;
    this.cache = cache;
    this.voiceEnabled = voice.callsEnabled(Environments.isProduction(environment));
  }

  @GetMapping("/internal/v1/brokers")
  public Flux<BrokerSummary> active() {
    return brokers.active().map(b -> new BrokerSummary(b.slug(), b.timeZone()));
  }

  /**
   * The settings; a chat id set with the broker's own Telegram bot wins over the settings' one. {@code voiceEnabled}
   * is the deployment's: false in production without a {@code VOICE_PROVIDER}.
   */
  @GetMapping("/internal/v1/brokers/{slug}/config")
  public Mono<BrokerConfig> config(@PathVariable String slug) {
    return cache.get(slug, () -> brokers.require(slug).flatMap(b -> brokers.telegramNotifyChatId(b.id())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .map(chat -> BrokerSettings.toConfig(b, json, chat.orElse(null)).withVoiceEnabled(voiceEnabled))));
  }

  public record BrokerSummary(String slug, String timeZone) {
  }
}
