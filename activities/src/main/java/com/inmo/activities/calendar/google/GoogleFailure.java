package com.inmo.activities.calendar.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * What a failed Google call means for the booking:
 * <ul>
 *   <li>{@link Kind#REVOKED}: the token endpoint answered {@code {"error":"invalid_grant"}} (revoked, expired,
 *       the account's password changed) or the Calendar API 401 after a fresh token: the calendar is disconnected.</li>
 *   <li>{@link Kind#TRANSIENT}: a 5xx, 429, a 403 rate/quota limit, a network failure: retried by Temporal.</li>
 *   <li>{@link Kind#PERMANENT}: any other 4xx (no such calendar, no write access, a bad request): retrying
 *       cannot help; the local calendar decides alone and the reason is recorded.</li>
 * </ul>
 */
public record GoogleFailure(Kind kind, int status, String reason, String message) {

  public enum Kind { REVOKED, TRANSIENT, PERMANENT }

  private static final Set<String> RATE_LIMITS = Set.of("ratelimitexceeded", "userratelimitexceeded",
      "quotaexceeded", "backenderror");

  public static GoogleFailure of(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GoogleJsonResponseException g) {
        return ofCalendarApi(g);
      }
      if (t instanceof HttpResponseException h) {
        // the token endpoint (through google-auth-library): {"error":"invalid_grant","error_description":…}
        String content = h.getContent() == null ? "" : h.getContent();
        if (content.contains("invalid_grant")) {
          return new GoogleFailure(Kind.REVOKED, h.getStatusCode(), "invalid_grant", describe(h.getStatusCode(), content));
        }
        return byStatus(h.getStatusCode(), null, describe(h.getStatusCode(), content));
      }
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("invalid_grant")) {
      return new GoogleFailure(Kind.REVOKED, 400, "invalid_grant", message);
    }
    return new GoogleFailure(Kind.TRANSIENT, 0, "io", e.toString());
  }

  private static GoogleFailure ofCalendarApi(GoogleJsonResponseException g) {
    GoogleJsonError details = g.getDetails();
    String reason = null;
    if (details != null && details.getErrors() != null && !details.getErrors().isEmpty()) {
      reason = details.getErrors().get(0).getReason();
    }
    String message = details != null && details.getMessage() != null ? details.getMessage() : g.getStatusMessage();
    return byStatus(g.getStatusCode(), reason, g.getStatusCode() + " " + (reason == null ? "" : reason + ": ") + message);
  }

  private static GoogleFailure byStatus(int status, String reason, String message) {
    String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    Kind kind;
    if (status == 401) {
      kind = Kind.REVOKED;
    } else if (status >= 500 || status == 429 || status == 408 || (status == 403 && RATE_LIMITS.contains(r))) {
      kind = Kind.TRANSIENT;
    } else {
      kind = Kind.PERMANENT;
    }
    return new GoogleFailure(kind, status, reason, message);
  }

  private static String describe(int status, String content) {
    String c = content.replaceAll("\\s+", " ").strip();
    return status + " " + (c.length() > 200 ? c.substring(0, 200) + "…" : c);
  }

  public boolean notFoundOrGone() {
    return status == 404 || status == 410;
  }

  public boolean duplicate() {
    return status == 409;
  }
}
