package com.inmo.api.internal.voice;

import com.inmo.api.brokers.BrokerSettings;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.voice.VoiceSettings;
import com.inmo.workflows.broker.BrokerConfig;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /internal/v1/brokers/{slug}/voice}: what a voice activity needs of the broker before it calls: who
 * the agent is (persona, tone, the broker's name, its zones) and the region a lead's local number is read in.
 */
@RestController
class VoiceProfileController {

  private final Brokers brokers;
  private final JsonMapper json;

  VoiceProfileController(Brokers brokers, JsonMapper json) {
    this.brokers = brokers;
    this.json = json;
  }

  @GetMapping("/internal/v1/brokers/{slug}/voice")
  Mono<VoiceProfile> profile(@PathVariable String slug) {
    return brokers.require(slug).map(b -> {
      BrokerConfig config = BrokerSettings.toConfig(b, json);
      return new VoiceProfile(b.slug(), b.name(), config.persona().name(), config.persona().tone(),
          config.persona().zones(), b.timeZone(), VoiceSettings.region(b, json), config.persona().language());
    });
  }

  /** @param region ISO 3166 alpha-2: a lead's number without {@code +} is read as a number of this country */
  record VoiceProfile(String brokerSlug, String brokerName, String personaName, String personaTone,
                      List<String> zones, String timeZone, String region, String language) {
  }
}
