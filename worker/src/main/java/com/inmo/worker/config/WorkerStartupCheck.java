package com.inmo.worker.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the worker refuses to start without; each problem is one line naming the variable. */
public final class WorkerStartupCheck {

  public static final Set<String> LLM_PROVIDERS = Set.of("offline", "gemini", "claude", "openai");
  static final Map<String, String> LLM_KEYS = Map.of("gemini", "GEMINI_API_KEY", "claude", "ANTHROPIC_API_KEY",
      "openai", "OPENAI_API_KEY");
  public static final Set<String> VOICE_PROVIDERS = Set.of("simulated", "vapi", "bland");
  /** The provider in effect when {@code VOICE_PROVIDER} is unset in production: no calls at all. */
  public static final String VOICE_OFF = "off";
  /**
   * What a real voice provider needs in production: its key (and VAPI its number), the public URL its webhook
   * comes back to, and for VAPI the secret the worker hands it to send back (else every webhook is refused and
   * each call waits for its status poll).
   */
  static final Map<String, List<String>> VOICE_NEEDS = Map.of(
      "vapi", List.of("VAPI_API_KEY", "VAPI_PHONE_NUMBER_ID", "WEBHOOK_BASE_URL", "VAPI_WEBHOOK_SECRET"),
      "bland", List.of("BLAND_API_KEY", "WEBHOOK_BASE_URL"));

  public static final int MIN_INTERNAL_TOKEN_LENGTH = 32;
  /**
   * Every secret placeholder of .env.example carries it ({@code INTERNAL_API_TOKEN=change-me-…}): a value
   * containing it was copied from the repository, which anyone can read.
   */
  static final String PLACEHOLDER_MARKER = "change-me";
  /** The provider credentials the worker holds; a placeholder among them is a key nobody issued. */
  static final List<String> ISSUED_SECRETS = List.of("GEMINI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_API_KEY",
      "VAPI_API_KEY", "BLAND_API_KEY", "TELEGRAM_TOKEN", "GOOGLE_CLIENT_SECRET", "GOOGLE_REFRESH_TOKEN");

  private WorkerStartupCheck() {
  }

  public static List<String> problems(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    checkChoice(env, "LLM_PROVIDER", LLM_PROVIDERS, problems);
    checkChoice(env, "VOICE_PROVIDER", VOICE_PROVIDERS, problems);
    String llm = env.getOrDefault("LLM_PROVIDER", "offline").trim().toLowerCase(Locale.ROOT);
    String key = LLM_KEYS.get(llm);
    if (key != null && (env.get(key) == null || env.get(key).isBlank())) {
      problems.add("LLM_PROVIDER=" + llm + " needs " + key);
    }
    if (!production(env.get("ENVIRONMENT"))) {
      return problems;
    }
    for (String required : List.of("TEMPORAL_ADDRESS", "INMO_API_URL", "INTERNAL_API_TOKEN")) {
      String value = env.get(required);
      if (value == null || value.isBlank()) {
        problems.add(required + " is required when ENVIRONMENT=production");
      }
    }
    String token = env.get("INTERNAL_API_TOKEN");
    if (isPlaceholder(token)) {
      problems.add("INTERNAL_API_TOKEN is the placeholder of .env.example: set a random value of its own "
          + "(openssl rand -hex 32)");
    } else if (token != null && !token.isBlank() && token.length() < MIN_INTERNAL_TOKEN_LENGTH) {
      problems.add("INTERNAL_API_TOKEN must be at least " + MIN_INTERNAL_TOKEN_LENGTH
          + " characters when ENVIRONMENT=production (it has " + token.length() + ")");
    }
    if (isPlaceholder(env.get("VAPI_WEBHOOK_SECRET"))) {
      problems.add("VAPI_WEBHOOK_SECRET is the placeholder of .env.example: set a random value of its own "
          + "(openssl rand -hex 32)");
    }
    for (String issued : ISSUED_SECRETS) {
      if (isPlaceholder(env.get(issued))) {
        problems.add(issued + " is the placeholder of .env.example: set the real value");
      }
    }
    String voice = voiceProvider(env.get("VOICE_PROVIDER"), env.get("ENVIRONMENT"));
    if (voice.equals("simulated")) {
      problems.add("VOICE_PROVIDER=simulated is refused when ENVIRONMENT=production: it writes made-up call "
          + "transcripts on real leads. Set vapi or bland, or leave VOICE_PROVIDER empty to turn calling off");
    }
    for (String required : VOICE_NEEDS.getOrDefault(voice, List.of())) {
      String value = env.get(required);
      if (value == null || value.isBlank()) {
        problems.add(required + " is required when ENVIRONMENT=production and VOICE_PROVIDER=" + voice);
      }
    }
    return problems;
  }

  static boolean isPlaceholder(String value) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(PLACEHOLDER_MARKER);
  }

  /**
   * The voice provider in effect: {@code VOICE_PROVIDER} as given; unset, the simulator outside production (dev
   * mode calls nobody for real) and {@value #VOICE_OFF} in production (calling off, never the simulator).
   */
  public static String voiceProvider(String configured, String environment) {
    String provider = configured == null ? "" : configured.trim().toLowerCase(Locale.ROOT);
    if (!provider.isEmpty()) {
      return provider;
    }
    return production(environment) ? VOICE_OFF : "simulated";
  }

  private static boolean production(String environment) {
    return environment != null && environment.trim().equalsIgnoreCase("production");
  }

  private static void checkChoice(Map<String, String> env, String name, Set<String> allowed, List<String> problems) {
    String value = env.get(name);
    if (value != null && !value.isBlank() && !allowed.contains(value.trim().toLowerCase(Locale.ROOT))) {
      problems.add(name + " must be one of " + allowed.stream().sorted().toList() + ", got '" + value.trim() + "'");
    }
  }
}
