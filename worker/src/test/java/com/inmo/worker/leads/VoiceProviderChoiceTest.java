package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.activities.voice.DisabledVoiceActivities;
import com.inmo.activities.voice.SimulatedVoiceActivities;
import com.inmo.activities.voice.bland.BlandVoiceActivities;
import com.inmo.activities.voice.vapi.VapiVoiceActivities;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.activity.VoiceActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** VOICE_PROVIDER picks the voice activities the worker registers, configured from {@code inmo.voice.*}. */
class VoiceProviderChoiceTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(LeadActivitiesConfiguration.class)
      // "3s" and the like, as the worker's Spring Boot application reads them
      .withInitializer(c -> c.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
      .withPropertyValues("inmo.api-url=http://127.0.0.1:9", "inmo.internal-api-token=t");

  @Test
  void inProductionWithoutAProviderCallingIsOffAndEveryCallIsRefusedNonRetryably() {
    context.withPropertyValues("inmo.environment=production").run(c -> {
      VoiceActivities voice = c.getBean(VoiceActivities.class);
      assertThat(voice).isInstanceOf(DisabledVoiceActivities.class);
      StartCallRequest call = new StartCallRequest("lead-demo-webchat-x-call-1", "lead-demo-webchat-x",
          UUID.randomUUID(), "demo", "+56987654321", "qualify", "key-1", "Sofía", null);
      assertThatThrownBy(() -> voice.startCall(call)).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
        assertThat(failure.getType()).isEqualTo("VoiceDisabled");
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage()).startsWith("voice calling is off");
      });
    });
    context.withPropertyValues("inmo.environment=production", "inmo.voice-provider=").run(c ->
        assertThat(c.getBean(VoiceActivities.class)).as("an empty VOICE_PROVIDER line in .env")
            .isInstanceOf(DisabledVoiceActivities.class));
  }

  @Test
  void simulatedByDefaultVapiOrBlandWhenChosen() {
    context.run(c -> assertThat(c.getBean(VoiceActivities.class)).isInstanceOf(SimulatedVoiceActivities.class));
    context.withPropertyValues("inmo.voice-provider=VAPI", "inmo.voice.vapi.api-key=vk",
            "inmo.voice.vapi.phone-number-id=pn", "inmo.voice.vapi.webhook-base-url=https://api.inmo.test/",
            "inmo.voice.vapi.webhook-secret=s", "inmo.voice.vapi.base-url=")
        .run(c -> {
          assertThat(c.getBean(VoiceActivities.class)).isInstanceOf(VapiVoiceActivities.class);
          var vapi = c.getBean(VoiceProviderProperties.class).vapi();
          assertThat(vapi.apiKey()).isEqualTo("vk");
          assertThat(vapi.phoneNumberId()).isEqualTo("pn");
          assertThat(vapi.serverUrl()).isEqualTo("https://api.inmo.test/webhooks/voice/vapi");
          assertThat(vapi.baseUrl()).as("an empty VAPI_BASE_URL is the real one").isEqualTo("https://api.vapi.ai");
          assertThat(vapi.voiceId()).isEqualTo("es-CL-CatalinaNeural");
        });
    context.withPropertyValues("inmo.voice-provider=bland", "inmo.voice.bland.api-key=bk",
            "inmo.voice.bland.base-url=http://127.0.0.1:9/")
        .run(c -> {
          assertThat(c.getBean(VoiceActivities.class)).isInstanceOf(BlandVoiceActivities.class);
          assertThat(c.getBean(VoiceProviderProperties.class).bland().baseUrl()).isEqualTo("http://127.0.0.1:9");
          assertThat(c.getBean(VoiceProviderProperties.class).bland().webhookUrl()).isEmpty();
        });
  }
}
