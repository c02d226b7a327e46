package com.inmo.activities.telegram;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * What a Bot API error means for the activity. Telegram answers {@code {"ok":false,"error_code":N,
 * "description":"…","parameters":{"retry_after":S}}}; telegrambots turns it into a
 * {@link TelegramApiRequestException}. Network errors and answers that are not that JSON (a proxy's 502 page)
 * come as other {@link TelegramApiException}s.
 */
final class TelegramFailures {

  /** Descriptions that mean this chat can no longer be written to: stop sending, it is not a failure. */
  private static final List<String> UNREACHABLE = List.of(
      "bot was blocked by the user",
      "user is deactivated",
      "chat not found",
      "bot was kicked",
      "bot can't initiate conversation");

  private TelegramFailures() {
  }

  /** The Bot API's description when the chat is unreachable (403 blocked/deactivated, 400 chat not found). */
  static Optional<String> unreachable(TelegramApiException e) {
    if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null
        && (r.getErrorCode() == 403 || r.getErrorCode() == 400)) {
      String description = description(r);
      String lower = description.toLowerCase(Locale.ROOT);
      if (UNREACHABLE.stream().anyMatch(lower::contains)) {
        return Optional.of(description);
      }
    }
    return Optional.empty();
  }

  /** Telegram refused the token: it was revoked or rotated. */
  static boolean unauthorized(TelegramApiException e) {
    return e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() == 401;
  }

  /**
   * The exception the activity throws for any other error. 429: retried by Temporal after
   * {@code retry_after} (never a sleep in the activity, which would hold a slot and its timeout); 5xx,
   * network and unreadable answers: a plain exception, retried with the workflow's backoff; any other 4xx
   * is a request Telegram will never accept: not retried, the description names why.
   */
  static RuntimeException toFailure(TelegramApiException e, String what, String token) {
    if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
      int code = r.getErrorCode();
      String description = description(r);
      if (code == 429) {
        Integer retryAfter = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
        return ApplicationFailure.newBuilder()
            .setType("TelegramRateLimited")
            .setMessage(what + ": Telegram rate limit (429 " + description + "), retry after "
                + (retryAfter == null ? "backoff" : retryAfter + " s"))
            .setNextRetryDelay(retryAfter == null || retryAfter <= 0 ? null : Duration.ofSeconds(retryAfter))
            .build();
      }
      if (code >= 400 && code < 500) {
        return ApplicationFailure.newNonRetryableFailure(what + ": Telegram refused it (" + code + " " + description + ")",
            "TelegramRejected");
      }
      return new IllegalStateException(what + ": Telegram answered " + code + " " + description);
    }
    if (causedByValidation(e)) {
      return ApplicationFailure.newNonRetryableFailure(what + ": " + scrub(message(e), token), "TelegramRejected");
    }
    // network error, timeout, or a body that is not the Bot API's JSON: transient, retried with backoff
    return new IllegalStateException(what + ": Telegram could not be reached: " + scrub(message(e), token));
  }

  private static String description(TelegramApiRequestException r) {
    return r.getApiResponse() == null ? "" : r.getApiResponse();
  }

  private static boolean causedByValidation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TelegramApiValidationException) {
        return true;
      }
    }
    return false;
  }

  /** The exception and its causes' messages (telegrambots' own says little: "Unable to execute …"). */
  private static String message(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
      if (text.indexOf(m) < 0) {
        text.append(text.length() == 0 ? "" : ": ").append(m);
      }
    }
    return text.toString();
  }

  /** A token must never reach a failure message (they end up in Temporal's history and the dashboard). */
  static String scrub(String text, String token) {
    return token == null || token.isEmpty() ? text : text.replace(token, "<token>");
  }
}
