package com.inmo.api.config;

import java.util.Locale;
import java.util.Map;

/** The deployment guide's {@code ENVIRONMENT}: {@code production} turns every guard on; anything else is dev. */
public final class Environments {

  private Environments() {
  }

  public static boolean isProduction(Map<String, String> env) {
    return isProduction(env.get("ENVIRONMENT"));
  }

  /** The same rule for a value already read (the {@code inmo.environment} property). */
  public static boolean isProduction(String value) {
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("production");
  }
}
