package com.inmo.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the api refuses to start without. Dev mode needs nothing; production needs every variable the
 * deployment guide lists, each reported on one line naming it, so an operator fixes all of them at once.
 */
public final class ApiStartupCheck {

  public static final int MIN_SECRET_KEY_LENGTH = 32;
  public static final int MIN_INTERNAL_TOKEN_LENGTH = 32;
  /**
   * Every secret placeholder of .env.example carries it ({@code SECRET_KEY=change-me-…}): a value containing
   * it was copied from the repository, which anyone can read.
   */
  public static final String PLACEHOLDER_MARKER = "change-me";
  /** Webhook secrets an operator makes up (openssl rand -hex 32), beside SECRET_KEY and INTERNAL_API_TOKEN. */
  private static final List<String> WEBHOOK_SECRETS = List.of("TELEGRAM_WEBHOOK_SECRET", "VAPI_WEBHOOK_SECRET");
  /** Secrets a provider issues. */
  private static final List<String> ISSUED_SECRETS = List.of("BLAND_WEBHOOK_SECRET", "TELEGRAM_TOKEN",
      "GOOGLE_CLIENT_SECRET", "GOOGLE_REFRESH_TOKEN");
  private static final Pattern TELEGRAM_SECRET = Pattern.compile("^[A-Za-z0-9_-]{1,256}$");

  private ApiStartupCheck() {
  }

  public static List<String> problems(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String databaseUrl = env.get("DATABASE_URL");
    if (notBlank(databaseUrl)) {
      try {
        DatabaseUrl.parse(databaseUrl);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!Environments.isProduction(env)) {
      return problems;
    }
    String secret = env.get("SECRET_KEY");
    if (isPlaceholder(secret)) {
      problems.add(placeholder("SECRET_KEY"));
    } else if (!notBlank(secret)) {
      problems.add("SECRET_KEY is required when ENVIRONMENT=production (at least "
          + MIN_SECRET_KEY_LENGTH + " characters)");
    } else if (secret.length() < MIN_SECRET_KEY_LENGTH) {
      problems.add("SECRET_KEY must be at least " + MIN_SECRET_KEY_LENGTH
          + " characters when ENVIRONMENT=production (it has " + secret.length() + ")");
    }
    for (String required : List.of("DATABASE_URL", "REDIS_URL", "ALLOWED_ORIGINS", "TEMPORAL_ADDRESS",
        "INTERNAL_API_TOKEN")) {
      if (!notBlank(env.get(required))) {
        problems.add(required + " is required when ENVIRONMENT=production");
      }
    }
    databasePassword(env, problems);
    String internal = env.get("INTERNAL_API_TOKEN");
    if (isPlaceholder(internal)) {
      problems.add(placeholder("INTERNAL_API_TOKEN"));
    } else if (notBlank(internal) && internal.length() < MIN_INTERNAL_TOKEN_LENGTH) {
      problems.add("INTERNAL_API_TOKEN must be at least " + MIN_INTERNAL_TOKEN_LENGTH
          + " characters when ENVIRONMENT=production (it has " + internal.length() + ")");
    }
    for (String name : WEBHOOK_SECRETS) {
      if (isPlaceholder(env.get(name))) {
        problems.add(placeholder(name));
      }
    }
    for (String name : ISSUED_SECRETS) {
      if (isPlaceholder(env.get(name))) {
        problems.add(name + " is the placeholder of .env.example: set the real value");
      }
    }
    telegram(env, problems);
    voice(env, problems);
    return problems;
  }

  /** True for a value copied from .env.example's placeholders ({@link #PLACEHOLDER_MARKER}, any case). */
  public static boolean isPlaceholder(String value) {
    return value != null && value.toLowerCase(java.util.Locale.ROOT).contains(PLACEHOLDER_MARKER);
  }

  private static String placeholder(String variable) {
    return variable + " is the placeholder of .env.example: set a random value of its own (openssl rand -hex 32)";
  }

  /** Compose builds DATABASE_URL from POSTGRES_PASSWORD: the example's would open the database to anyone. */
  private static void databasePassword(Map<String, String> env, List<String> problems) {
    String url = env.get("DATABASE_URL");
    if (!notBlank(url)) {
      return;
    }
    try {
      if (isPlaceholder(DatabaseUrl.parse(url).password())) {
        problems.add("DATABASE_URL has the placeholder password of .env.example: set POSTGRES_PASSWORD "
            + "(openssl rand -hex 32)");
      }
    } catch (IllegalArgumentException e) {
      // reported above, in any mode
    }
  }

  /**
   * A voice webhook without its secret would take anyone's forged end-of-call report; the simulator would write
   * made-up transcripts on real leads (unset is fine: calling off).
   */
  private static void voice(Map<String, String> env, List<String> problems) {
    String provider = String.valueOf(env.getOrDefault("VOICE_PROVIDER", "")).trim().toLowerCase(java.util.Locale.ROOT);
    if (provider.equals("simulated")) {
      problems.add("VOICE_PROVIDER=simulated is refused when ENVIRONMENT=production: it writes made-up call "
          + "transcripts on real leads. Set vapi or bland, or leave VOICE_PROVIDER empty to turn calling off");
    }
    String secret = switch (provider) {
      case "vapi" -> "VAPI_WEBHOOK_SECRET";
      case "bland" -> "BLAND_WEBHOOK_SECRET";
      default -> null;
    };
    if (secret != null && !notBlank(env.get(secret))) {
      problems.add(secret + " is required when ENVIRONMENT=production and VOICE_PROVIDER=" + provider);
    }
  }

  /** A public webhook without a secret would take anyone's forged "update" as a lead's message. */
  private static void telegram(Map<String, String> env, List<String> problems) {
    String secret = env.get("TELEGRAM_WEBHOOK_SECRET");
    if (notBlank(env.get("TELEGRAM_TOKEN")) && notBlank(env.get("TELEGRAM_WEBHOOK_URL")) && !notBlank(secret)) {
      problems.add("TELEGRAM_WEBHOOK_SECRET is required when ENVIRONMENT=production and TELEGRAM_WEBHOOK_URL is set");
    } else if (notBlank(secret) && !TELEGRAM_SECRET.matcher(secret.trim()).matches()) {
      problems.add("TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A–Z, a–z, 0–9, _ and - (Telegram's rule)");
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
