package com.inmo.api.leads;

import com.inmo.api.web.Problems;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The lead list's sort keys ({@code sort=score}, {@code sort=-score} for descending). Every sort ends with
 * the lead id, so the order is total and a keyset cursor can continue after any row. Rows without a value
 * (no message yet, no name) come last in both directions.
 */
enum LeadSort {

  /** The default, newest activity first: the last message, or the creation for a lead without one. */
  ACTIVITY("activity", "COALESCE(l.last_message_at, l.created_at)", Instant.class, false,
      r -> r.lastMessageAt() != null ? r.lastMessageAt() : r.createdAt()),
  CREATED_AT("createdAt", "l.created_at", Instant.class, false, LeadRow::createdAt),
  UPDATED_AT("updatedAt", "l.updated_at", Instant.class, false, LeadRow::updatedAt),
  SCORE("score", "l.score", Integer.class, false, LeadRow::score),
  LAST_MESSAGE_AT("lastMessageAt", "l.last_message_at", Instant.class, true, LeadRow::lastMessageAt),
  NAME("name", "l.name", String.class, true, LeadRow::name);

  final String param;
  final String expression;
  final Class<?> type;
  final boolean nullable;
  final Function<LeadRow, Object> value;

  LeadSort(String param, String expression, Class<?> type, boolean nullable, Function<LeadRow, Object> value) {
    this.param = param;
    this.expression = expression;
    this.type = type;
    this.nullable = nullable;
    this.value = value;
  }

  /** A key and its direction. */
  record Order(LeadSort key, boolean descending) {

    static final Order DEFAULT = new Order(ACTIVITY, true);

    /** {@code name}, {@code -score}…; null or blank is the default; anything else is a 400 naming it. */
    static Order parse(String raw) {
      if (raw == null || raw.isBlank()) {
        return DEFAULT;
      }
      String s = raw.trim();
      boolean descending = s.startsWith("-");
      String name = descending || s.startsWith("+") ? s.substring(1) : s;
      return Arrays.stream(values()).filter(k -> k.param.equalsIgnoreCase(name)).findFirst()
          .map(k -> new Order(k, descending))
          .orElseThrow(() -> Problems.badRequest("Unknown sort '" + raw.trim() + "'; one of "
              + Arrays.stream(values()).map(k -> k.param).toList() + ", '-' before it for descending"));
    }

    String token() {
      return (descending ? "-" : "") + key.param;
    }

    String orderBy() {
      String dir = descending ? " DESC" : " ASC";
      return " ORDER BY " + key.expression + dir + " NULLS LAST, l.id" + dir;
    }
  }
}
