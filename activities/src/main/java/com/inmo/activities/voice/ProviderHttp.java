package com.inmo.activities.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.inmo.activities.api.InternalApiClient;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP to a voice provider, failures shaped for Temporal: a network error, a timeout, 408, 429 or a
 * 5xx is a plain exception (the activity is retried with backoff); any other 4xx is the request's fault (a wrong
 * key, a number the provider refuses) and fails at once, non-retryable, with the provider's own message.
 */
public class ProviderHttp {

  /** A provider's 4xx: retrying the same request cannot help. */
  public static final String REJECTED = "VoiceProviderRejected";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String provider;
  private final Duration timeout;

  public ProviderHttp(String provider, Duration timeout) {
    this.provider = provider;
    this.timeout = timeout;
  }

  public JsonNode get(String url, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers, "GET " + path(url));
  }

  public JsonNode post(String url, Map<String, String> headers, Object body) {
    String json;
    try {
      json = InternalApiClient.JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json"), headers, "POST " + path(url));
  }

  private JsonNode send(HttpRequest.Builder request, Map<String, String> headers, String what) {
    request.timeout(timeout).header("Accept", "application/json");
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(provider + " could not be reached (" + what + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + provider, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      try {
        String body = response.body();
        return InternalApiClient.JSON.readTree(body == null || body.isBlank() ? "{}" : body);
      } catch (IOException e) {
        throw new IllegalStateException(provider + " answered " + what + " with something not JSON: "
            + abbreviate(response.body()), e);
      }
    }
    String detail = provider + " answered " + status + " to " + what + ": " + abbreviate(response.body());
    if (status >= 500 || status == 408 || status == 429) {
      throw new IllegalStateException(detail);
    }
    throw ApplicationFailure.newNonRetryableFailure(detail, REJECTED);
  }

  private static String path(String url) {
    return URI.create(url).getPath();
  }

  static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
