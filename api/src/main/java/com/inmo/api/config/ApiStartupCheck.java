package com.inmo.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the api refuses to start without. Dev mode needs nothing; production needs every variable the
 * deployment guide lists, each reported on one line naming it, so an operator fixes all of them at once.
 */
public final class ApiStartupCheck {

  public static final int MIN_SECRET_KEY_LENGTH = 32;

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
    if (!notBlank(secret)) {
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
    return problems;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
