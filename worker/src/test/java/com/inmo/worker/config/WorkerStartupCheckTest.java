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

  @Test
  void productionNamesWhatTheChosenVoiceProviderLacks() {
    Map<String, String> base = Map.of("ENVIRONMENT", "production", "TEMPORAL_ADDRESS", "temporal:7233",
        "INMO_API_URL", "http://api:8001", "INTERNAL_API_TOKEN", "t".repeat(32));
    java.util.Map<String, String> vapi = new java.util.HashMap<>(base);
    vapi.put("VOICE_PROVIDER", "vapi");
    vapi.put("VAPI_API_KEY", "k");
    assertThat(WorkerStartupCheck.problems(vapi)).containsExactly(
        "VAPI_PHONE_NUMBER_ID is required when ENVIRONMENT=production and VOICE_PROVIDER=vapi",
        "WEBHOOK_BASE_URL is required when ENVIRONMENT=production and VOICE_PROVIDER=vapi",
        "VAPI_WEBHOOK_SECRET is required when ENVIRONMENT=production and VOICE_PROVIDER=vapi");
    vapi.putAll(Map.of("VAPI_PHONE_NUMBER_ID", "p", "WEBHOOK_BASE_URL", "https://api.example.com",
        "VAPI_WEBHOOK_SECRET", "s"));
    assertThat(WorkerStartupCheck.problems(vapi)).isEmpty();

    java.util.Map<String, String> bland = new java.util.HashMap<>(base);
    bland.put("VOICE_PROVIDER", "Bland");
    assertThat(WorkerStartupCheck.problems(bland)).containsExactly(
        "BLAND_API_KEY is required when ENVIRONMENT=production and VOICE_PROVIDER=bland",
        "WEBHOOK_BASE_URL is required when ENVIRONMENT=production and VOICE_PROVIDER=bland");
    assertThat(WorkerStartupCheck.problems(base)).as("no provider: calling off, nothing needed").isEmpty();
  }

  @Test
  void productionRefusesTheSimulatorInOneLine() {
    Map<String, String> env = Map.of("ENVIRONMENT", "production", "TEMPORAL_ADDRESS", "temporal:7233",
        "INMO_API_URL", "http://api:8001", "INTERNAL_API_TOKEN", "x".repeat(32), "VOICE_PROVIDER", " Simulated ");
    assertThat(WorkerStartupCheck.problems(env)).containsExactly("VOICE_PROVIDER=simulated is refused when "
        + "ENVIRONMENT=production: it writes made-up call transcripts on real leads. Set vapi or bland, or leave "
        + "VOICE_PROVIDER empty to turn calling off");
    assertThat(WorkerStartupCheck.problems(Map.of("VOICE_PROVIDER", "simulated"))).as("dev mode").isEmpty();
  }

  @Test
  void theVoiceProviderInEffectIsTheSimulatorInDevAndOffInProductionWhenUnset() {
    assertThat(WorkerStartupCheck.voiceProvider(null, "development")).isEqualTo("simulated");
    assertThat(WorkerStartupCheck.voiceProvider("  ", null)).isEqualTo("simulated");
    assertThat(WorkerStartupCheck.voiceProvider("", "production")).isEqualTo(WorkerStartupCheck.VOICE_OFF);
    assertThat(WorkerStartupCheck.voiceProvider(null, " Production ")).isEqualTo(WorkerStartupCheck.VOICE_OFF);
    assertThat(WorkerStartupCheck.voiceProvider("VAPI", "production")).isEqualTo("vapi");
  }

  @Test
  void productionRefusesTheExampleSecretsOneLineEach() {
    java.util.Map<String, String> env = new java.util.HashMap<>(Map.of("ENVIRONMENT", "production",
        "TEMPORAL_ADDRESS", "temporal:7233", "INMO_API_URL", "http://api:8001",
        "INTERNAL_API_TOKEN", "change-me-another-long-random-string", "LLM_PROVIDER", "openai",
        "OPENAI_API_KEY", "sk-change-me"));

    assertThat(WorkerStartupCheck.problems(env)).containsExactly(
        "INTERNAL_API_TOKEN is the placeholder of .env.example: set a random value of its own (openssl rand -hex 32)",
        "OPENAI_API_KEY is the placeholder of .env.example: set the real value");
    env.put("ENVIRONMENT", "development");
    assertThat(WorkerStartupCheck.problems(env)).as("development").isEmpty();
  }

  @Test
  void productionNeedsAnInternalTokenOfThirtyTwoCharacters() {
    assertThat(WorkerStartupCheck.problems(Map.of("ENVIRONMENT", "production", "TEMPORAL_ADDRESS", "temporal:7233",
        "INMO_API_URL", "http://api:8001", "INTERNAL_API_TOKEN", "short")))
        .containsExactly("INTERNAL_API_TOKEN must be at least 32 characters when ENVIRONMENT=production (it has 5)");
  }
}
