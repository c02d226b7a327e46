package com.inmo.api.voice;

import com.inmo.api.web.Problems;
import com.inmo.workflows.call.StructuredFields;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small readers over a provider's JSON (Jackson 3, as the web layer): absent or mistyped values are null. */
final class ProviderJson {

  private ProviderJson() {
  }

  static JsonNode parse(JsonMapper json, byte[] body, String what) {
    if (body == null || body.length == 0) {
      throw Problems.badRequest("The body is empty; a " + what + " was expected");
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw Problems.badRequest("The body is not a " + what);
      }
      return node;
    } catch (RuntimeException e) {
      if (e instanceof org.springframework.web.server.ResponseStatusException r) {
        throw r;
      }
      throw Problems.badRequest("The body is not JSON: a " + what + " was expected");
    }
  }

  /** The first non-blank string (numbers as text) among the nodes. */
  static String text(JsonNode... nodes) {
    for (JsonNode n : nodes) {
      if (n != null && (n.isString() || n.isNumber()) && !n.asString().isBlank()) {
        return n.asString().trim();
      }
    }
    return null;
  }

  static Double number(JsonNode... nodes) {
    for (JsonNode n : nodes) {
      if (n != null && n.isNumber()) {
        return n.asDouble();
      }
      if (n != null && n.isString()) {
        try {
          return Double.parseDouble(n.stringValue().trim());
        } catch (NumberFormatException e) {
          // not a number: try the next
        }
      }
    }
    return null;
  }

  static Boolean bool(JsonNode n) {
    if (n != null && n.isBoolean()) {
      return n.booleanValue();
    }
    return null;
  }

  static Instant instant(JsonNode n) {
    String s = text(n);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      try {
        return Instant.parse(s);
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  /** Whole seconds between two instants; 0 when either is unknown or they are the wrong way round. */
  static int seconds(Instant from, Instant to) {
    if (from == null || to == null || to.isBefore(from)) {
      return 0;
    }
    return (int) Math.min(Integer.MAX_VALUE, Duration.between(from, to).toMillis() / 1000);
  }

  static UUID uuid(String s) {
    try {
      return s == null ? null : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  static QualificationFields fields(JsonMapper json, JsonNode structured) {
    if (structured == null || !structured.isObject()) {
      return QualificationFields.EMPTY;
    }
    return StructuredFields.from(json.convertValue(structured, Map.class));
  }

  /** Whose call this is, from the metadata the worker put on it. */
  record CallMeta(String callWorkflowId, String leadWorkflowId, UUID leadId, String brokerSlug) {

    static CallMeta of(JsonNode... candidates) {
      for (JsonNode m : candidates) {
        String callWorkflowId = m == null ? null : text(m.get("callWorkflowId"));
        if (callWorkflowId != null) {
          return new CallMeta(callWorkflowId, text(m.get("leadWorkflowId")), uuid(text(m.get("leadId"))),
              text(m.get("brokerSlug")));
        }
      }
      return null;
    }
  }
}
