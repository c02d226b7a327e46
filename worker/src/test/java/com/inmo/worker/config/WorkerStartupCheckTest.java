package com.inmo.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerStartupCheckTest {

  @Test
  void devModeNeedsNothing() {
    assertThat(WorkerStartupCheck.problems(Map.of())).isEmpty();
  }

  @Test
  void anUnknownLlmProviderIsNamedWithTheChoices() {
    assertThat(WorkerStartupCheck.problems(Map.of("LLM_PROVIDER", "gpt5")))
        .containsExactly("LLM_PROVIDER must be one of [claude, gemini, offline, openai], got 'gpt5'");
  }

  @Test
  void knownProvidersPassWhateverTheirCase() {
    assertThat(WorkerStartupCheck.problems(Map.of("LLM_PROVIDER", "Gemini", "GEMINI_API_KEY", "k",
        "VOICE_PROVIDER", "BLAND"))).isEmpty();
  }

  @Test
  void aChosenLlmProviderNeedsItsKey() {
    assertThat(WorkerStartupCheck.problems(Map.of("LLM_PROVIDER", "claude")))
        .containsExactly("LLM_PROVIDER=claude needs ANTHROPIC_API_KEY");
  }

  @Test
  void productionNeedsTemporalAndTheApi() {
    assertThat(WorkerStartupCheck.problems(Map.of("ENVIRONMENT", "production", "VOICE_PROVIDER", "twilio")))
        .containsExactly(
            "VOICE_PROVIDER must be one of [bland, simulated, vapi], got 'twilio'",
            "TEMPORAL_ADDRESS is required when ENVIRONMENT=production",
            "INMO_API_URL is required when ENVIRONMENT=production",
            "INTERNAL_API_TOKEN is required when ENVIRONMENT=production");
  }
}
