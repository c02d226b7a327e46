package com.inmo.activities.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.api.InternalApiClient;
import com.inmo.workflows.call.StructuredFields;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/** Small readers over a provider's JSON (Jackson 2): absent or mistyped values are null. */
public final class ProviderJson {

  private ProviderJson() {
  }

  /** The first non-blank string (numbers as text) among the nodes. */
  public static String text(JsonNode... nodes) {
    for (JsonNode n : nodes) {
      if (n != null && (n.isTextual() || n.isNumber()) && !n.asText().isBlank()) {
        return n.asText().trim();
      }
    }
    return null;
  }

  public static Double number(JsonNode... nodes) {
    for (JsonNode n : nodes) {
      if (n != null && n.isNumber()) {
        return n.asDouble();
      }
      if (n != null && n.isTextual()) {
        try {
          return Double.parseDouble(n.asText().trim());
        } catch (NumberFormatException e) {
          // not a number: try the next
        }
      }
    }
    return null;
  }

  public static Boolean bool(JsonNode n) {
    return n != null && n.isBoolean() ? n.booleanValue() : null;
  }

  public static Instant instant(JsonNode n) {
    String s = text(n);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whole seconds between two instants; 0 when either is unknown or they are the wrong way round. */
  public static int seconds(Instant from, Instant to) {
    if (from == null || to == null || to.isBefore(from)) {
      return 0;
    }
    return (int) Math.min(Integer.MAX_VALUE, Duration.between(from, to).toSeconds());
  }

  /** Qualification fields a provider extracted ({@link StructuredFields}); EMPTY when there are none. */
  @SuppressWarnings("unchecked")
  public static QualificationFields fields(JsonNode structured) {
    if (structured == null || !structured.isObject()) {
      return QualificationFields.EMPTY;
    }
    return StructuredFields.from(InternalApiClient.JSON.convertValue(structured, Map.class));
  }
}
