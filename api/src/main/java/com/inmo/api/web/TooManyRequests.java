package com.inmo.api.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** 429 with {@code Retry-After}; {@link ProblemHandler} renders it as a problem document with the header. */
public class TooManyRequests extends ResponseStatusException {

  private final long retryAfterSeconds;

  public TooManyRequests(String detail, long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, detail);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public HttpHeaders getHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    return headers;
  }
}
