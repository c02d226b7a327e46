package com.inmo.api.leads;

import com.inmo.api.db.Where;
import com.inmo.api.web.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort it was made for, and the sort key and id of the last row served. The
 * next page is the rows after that one in the same order, however many rows were added or removed before
 * it meanwhile (an offset would skip or repeat them).
 */
record LeadCursor(String sort, String value, UUID id) {

  private static final String VERSION = "1";
  private static final char SEP = '\n';

  static LeadCursor after(LeadSort.Order order, LeadRow last) {
    Object v = order.key().value.apply(last);
    return new LeadCursor(order.token(), v == null ? null : v.toString(), last.id());
  }

  /** Base64url of {@code version, sort, id, value} on lines; the value (a name) is last, so may hold anything. */
  String encode() {
    String raw = VERSION + SEP + sort + SEP + id + SEP + (value == null ? "" : "=" + value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static LeadCursor decode(String encoded) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
      String[] parts = raw.split(String.valueOf(SEP), 4);
      if (parts.length != 4 || !VERSION.equals(parts[0]) || !(parts[3].isEmpty() || parts[3].startsWith("="))) {
        throw new IllegalArgumentException("layout");
      }
      return new LeadCursor(parts[1], parts[3].isEmpty() ? null : parts[3].substring(1), UUID.fromString(parts[2]));
    } catch (IllegalArgumentException e) {
      throw Problems.badRequest("cursor is not valid: pass the nextCursor of a previous page unchanged");
    }
  }

  /** The rows after this cursor's in {@code order}: {@code (key, id)} past the cursor's, nulls last. */
  void restrict(Where where, LeadSort.Order order) {
    if (!order.token().equals(sort)) {
      throw Problems.badRequest("cursor was made for sort '" + sort + "', not '" + order.token() + "'");
    }
    LeadSort key = order.key();
    String after = order.descending() ? "<" : ">";
    where.value("cursorId", id);
    if (value == null) {
      if (!key.nullable) {
        throw Problems.badRequest("cursor is not valid: pass the nextCursor of a previous page unchanged");
      }
      where.add("(" + key.expression + " IS NULL AND l.id " + after + " :cursorId)");
      return;
    }
    where.value("cursorKey", typed(key));
    where.add("(" + key.expression + " " + after + " :cursorKey OR (" + key.expression + " = :cursorKey AND l.id "
        + after + " :cursorId)" + (key.nullable ? " OR " + key.expression + " IS NULL" : "") + ")");
  }

  private Object typed(LeadSort key) {
    try {
      if (key.type == Instant.class) {
        return Instant.parse(value);
      }
      if (key.type == Integer.class) {
        return Integer.valueOf(value);
      }
      return value;
    } catch (RuntimeException e) {
      throw Problems.badRequest("cursor is not valid: pass the nextCursor of a previous page unchanged");
    }
  }
}
