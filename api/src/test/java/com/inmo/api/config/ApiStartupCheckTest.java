package com.inmo.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiStartupCheckTest {

  private static Map<String, String> production() {
    Map<String, String> env = new HashMap<>();
    env.put("ENVIRONMENT", "production");
    env.put("SECRET_KEY", "x".repeat(32));
    env.put("DATABASE_URL", "postgresql://inmo:pw@db:5432/inmo");
    env.put("REDIS_URL", "redis://redis:6379/0");
    env.put("ALLOWED_ORIGINS", "https://app.inmo.cl");
    env.put("TEMPORAL_ADDRESS", "temporal:7233");
    env.put("INTERNAL_API_TOKEN", "t".repeat(32));
    return env;
  }

  @Test
  void devModeNeedsNothing() {
    assertThat(ApiStartupCheck.problems(Map.of())).isEmpty();
  }

  @Test
  void aCompleteProductionEnvironmentPasses() {
    assertThat(ApiStartupCheck.problems(production())).isEmpty();
  }

  @Test
  void aShortSecretKeyIsNamedWithItsLength() {
    Map<String, String> env = production();
    env.put("SECRET_KEY", "short-key");

    assertThat(ApiStartupCheck.problems(env))
        .containsExactly("SECRET_KEY must be at least 32 characters when ENVIRONMENT=production (it has 9)");
  }

  @Test
  void eachMissingVariableIsOneLineNamingIt() {
    Map<String, String> env = production();
    env.remove("DATABASE_URL");
    env.put("REDIS_URL", " ");
    env.remove("ALLOWED_ORIGINS");
    env.remove("TEMPORAL_ADDRESS");
    env.remove("SECRET_KEY");

    assertThat(ApiStartupCheck.problems(env)).containsExactly(
        "SECRET_KEY is required when ENVIRONMENT=production (at least 32 characters)",
        "DATABASE_URL is required when ENVIRONMENT=production",
        "REDIS_URL is required when ENVIRONMENT=production",
        "ALLOWED_ORIGINS is required when ENVIRONMENT=production",
        "TEMPORAL_ADDRESS is required when ENVIRONMENT=production");
  }

  @Test
  void theChosenVoiceProvidersWebhookSecretIsRequiredInProduction() {
    Map<String, String> env = production();
    env.put("VOICE_PROVIDER", "vapi");
    assertThat(ApiStartupCheck.problems(env))
        .containsExactly("VAPI_WEBHOOK_SECRET is required when ENVIRONMENT=production and VOICE_PROVIDER=vapi");
    env.put("VAPI_WEBHOOK_SECRET", "s".repeat(24));
    assertThat(ApiStartupCheck.problems(env)).isEmpty();

    env.put("VOICE_PROVIDER", "Bland");
    assertThat(ApiStartupCheck.problems(env))
        .containsExactly("BLAND_WEBHOOK_SECRET is required when ENVIRONMENT=production and VOICE_PROVIDER=bland");
    env.put("VOICE_PROVIDER", "");
    assertThat(ApiStartupCheck.problems(env)).as("no provider: calling off").isEmpty();
    assertThat(ApiStartupCheck.problems(Map.of("VOICE_PROVIDER", "vapi"))).as("development").isEmpty();
  }

  @Test
  void productionRefusesTheSimulatorInOneLine() {
    Map<String, String> env = production();
    env.put("VOICE_PROVIDER", "Simulated ");
    assertThat(ApiStartupCheck.problems(env)).containsExactly("VOICE_PROVIDER=simulated is refused when "
        + "ENVIRONMENT=production: it writes made-up call transcripts on real leads. Set vapi or bland, or leave "
        + "VOICE_PROVIDER empty to turn calling off");
    assertThat(ApiStartupCheck.problems(Map.of("VOICE_PROVIDER", "simulated"))).as("development").isEmpty();
  }

  @Test
  void aMalformedDatabaseUrlIsReportedInAnyMode() {
    assertThat(ApiStartupCheck.problems(Map.of("DATABASE_URL", "mysql://x@y/z")))
        .singleElement().asString().startsWith("DATABASE_URL must be a PostgreSQL URL");
  }

  @Test
  void aProductionWebhookWithoutItsSecretStopsTheStart() {
    Map<String, String> env = production();
    env.put("TELEGRAM_TOKEN", "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    env.put("TELEGRAM_WEBHOOK_URL", "https://api.inmo.cl/webhooks/telegram");

    assertThat(ApiStartupCheck.problems(env)).containsExactly(
        "TELEGRAM_WEBHOOK_SECRET is required when ENVIRONMENT=production and TELEGRAM_WEBHOOK_URL is set");

    env.put("TELEGRAM_WEBHOOK_SECRET", "s3cret_from-the-guide");
    assertThat(ApiStartupCheck.problems(env)).isEmpty();
    env.put("TELEGRAM_WEBHOOK_SECRET", "no spaces allowed");
    assertThat(ApiStartupCheck.problems(env)).singleElement().asString()
        .startsWith("TELEGRAM_WEBHOOK_SECRET must be 1–256 characters");
  }

  @Test
  void longPollingOrDevModeNeedsNoWebhookSecret() {
    Map<String, String> polling = production();
    polling.put("TELEGRAM_TOKEN", "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    assertThat(ApiStartupCheck.problems(polling)).isEmpty();

    assertThat(ApiStartupCheck.problems(Map.of("TELEGRAM_TOKEN", "7000000001:AAH",
        "TELEGRAM_WEBHOOK_URL", "https://dev.example/webhooks/telegram"))).isEmpty();
  }
  /** The values .env.example ships: anyone who read the repository knows them. */
  static final String EXAMPLE_SECRET_KEY = "change-me-to-a-long-random-string-of-48-chars";
  static final String EXAMPLE_INTERNAL_TOKEN = "change-me-another-long-random-string";

  @Test
  void theExampleSecretsAreRefusedOneLineEach() {
    Map<String, String> env = production();
    env.put("SECRET_KEY", EXAMPLE_SECRET_KEY);
    env.put("INTERNAL_API_TOKEN", EXAMPLE_INTERNAL_TOKEN);
    env.put("DATABASE_URL", "postgresql://inmo:change-me-database-password@db:5432/inmo");

    assertThat(ApiStartupCheck.problems(env)).containsExactly(
        "SECRET_KEY is the placeholder of .env.example: set a random value of its own (openssl rand -hex 32)",
        "DATABASE_URL has the placeholder password of .env.example: set POSTGRES_PASSWORD (openssl rand -hex 32)",
        "INTERNAL_API_TOKEN is the placeholder of .env.example: set a random value of its own (openssl rand -hex 32)");
  }

  @Test
  void aSecretContainingThePlaceholderIsRefusedToo() {
    Map<String, String> env = production();
    env.put("SECRET_KEY", "prod-" + EXAMPLE_SECRET_KEY.toUpperCase());
    env.put("TELEGRAM_WEBHOOK_SECRET", "change-me");
    env.put("VAPI_WEBHOOK_SECRET", "x-change-me-x");

    assertThat(ApiStartupCheck.problems(env)).containsExactly(
        "SECRET_KEY is the placeholder of .env.example: set a random value of its own (openssl rand -hex 32)",
        "TELEGRAM_WEBHOOK_SECRET is the placeholder of .env.example: set a random value of its own (openssl rand -hex 32)",
        "VAPI_WEBHOOK_SECRET is the placeholder of .env.example: set a random value of its own (openssl rand -hex 32)");
    assertThat(ApiStartupCheck.problems(Map.of("SECRET_KEY", EXAMPLE_SECRET_KEY))).as("development").isEmpty();
  }

  @Test
  void theInternalTokenNeedsThirtyTwoCharacters() {
    Map<String, String> env = production();
    env.put("INTERNAL_API_TOKEN", "short-token");

    assertThat(ApiStartupCheck.problems(env)).containsExactly(
        "INTERNAL_API_TOKEN must be at least 32 characters when ENVIRONMENT=production (it has 11)");
  }
}
