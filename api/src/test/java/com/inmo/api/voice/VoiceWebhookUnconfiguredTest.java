package com.inmo.api.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** Without its secret a provider's webhook takes nothing, whatever the request carries: 503, never 200. */
class VoiceWebhookUnconfiguredTest {

  private final VoiceWebhookController controller = new VoiceWebhookController(
      new VoiceProperties("vapi", "", "", null, null), null, JsonMapper.builder().build());

  @Test
  void vapiWithoutItsSecretIs503() {
    byte[] body = "{\"message\":{\"type\":\"end-of-call-report\"}}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> controller.vapi("", "Bearer ", null, null, body).block())
        .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
    assertThatThrownBy(() -> controller.vapi(null, null, null, null, body).block())
        .isInstanceOfSatisfying(ResponseStatusException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
  }

  @Test
  void blandWithoutItsSecretIs503() {
    assertThatThrownBy(() -> controller.bland("", "{}".getBytes(StandardCharsets.UTF_8)).block())
        .isInstanceOfSatisfying(ResponseStatusException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
  }
}
