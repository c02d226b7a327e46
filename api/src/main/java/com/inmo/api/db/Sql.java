package com.inmo.api.db;

import org.springframework.r2dbc.core.Parameter;

/** Small helpers for parameterised SQL through {@code DatabaseClient}. */
public final class Sql {

  private Sql() {
  }

  /** A bind value that may be null: R2DBC needs the type to send a typed NULL. */
  public static <T> Parameter nullable(T value, Class<T> type) {
    return Parameter.fromOrEmpty(value, type);
  }

  /** {@code text} as a LIKE pattern matching it anywhere, its own wildcards taken literally ({@code ESCAPE '\'}). */
  public static String containsPattern(String text) {
    String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
