package com.inmo.api.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Query parameters the converters cannot check alone: enum names, answered with a 400 naming the bad value. */
public final class QueryParams {

  private QueryParams() {
  }

  /** The constant named {@code raw} (any case), null for a blank value, or a 400 naming the parameter. */
  public static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String param) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Problems.badRequest("Unknown " + param + " '" + raw.trim() + "'; one of "
          + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** Every value of a repeatable parameter ({@code ?stage=A&stage=B} or {@code ?stage=A,B}), blanks dropped. */
  public static <E extends Enum<E>> List<E> enumValues(Class<E> type, List<String> raw, String param) {
    List<E> out = new ArrayList<>();
    if (raw != null) {
      for (String value : raw) {
        for (String part : value.split(",")) {
          E e = enumValue(type, part, param);
          if (e != null && !out.contains(e)) {
            out.add(e);
          }
        }
      }
    }
    return out;
  }
}
