package com.inmo.activities.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The worker's way into the api's internal endpoints (docs/internal-api.md): the shared token, JSON both
 * ways, and failures shaped for Temporal. A network error or a 5xx is thrown as a plain exception so the
 * activity is retried with backoff; a 4xx the caller did not expect is a bug on one side and is not retried.
 */
public class InternalApiClient {

  /** The api's internal port on this machine (INTERNAL_PORT's default), where {@code INMO_API_URL} is unset. */
  public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8001";

  public static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final String baseUrl;
  private final String token;

  public InternalApiClient(String baseUrl, String token) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.token = token == null ? "" : token;
  }

  /** A response whose status the caller interprets; the body is parsed on demand. */
  public record Response(int status, String body) {
    public <T> T as(Class<T> type) {
      return read(body, JSON.constructType(type));
    }
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  public Response put(String path, Object body) {
    return send(builder(path).PUT(json(body)).header("Content-Type", "application/json"));
  }

  public Response post(String path, Object body) {
    return send(builder(path).POST(json(body)).header("Content-Type", "application/json"));
  }

  /** Fails the activity unless the status is one of {@code accepted}. */
  public static Response expect(Response response, String what, int... accepted) {
    for (int status : accepted) {
      if (response.status() == status) {
        return response;
      }
    }
    String detail = what + " answered " + response.status() + ": " + abbreviate(response.body());
    if (response.status() >= 500 || response.status() == 409 || response.status() == 429) {
      throw new IllegalStateException(detail); // transient: Temporal retries it
    }
    throw ApplicationFailure.newNonRetryableFailure(detail, "InternalApiRejected");
  }

  private HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(10))
        .header("X-Internal-Token", token)
        .header("Accept", "application/json");
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the api at " + baseUrl + " could not be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the api", e);
    }
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T read(String body, JavaType type) {
    try {
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw new UncheckedIOException("unexpected answer from the api: " + abbreviate(body), e);
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
