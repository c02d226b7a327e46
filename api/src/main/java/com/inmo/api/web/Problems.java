package com.inmo.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The errors handlers throw; {@link ProblemHandler} renders them as RFC 9457 problem documents. */
public final class Problems {

  private Problems() {
  }

  public static ResponseStatusException notFound(String detail) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
  }

  public static ResponseStatusException badRequest(String detail) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
  }

  public static ResponseStatusException conflict(String detail) {
    return new ResponseStatusException(HttpStatus.CONFLICT, detail);
  }

  public static ResponseStatusException tooLarge(String detail) {
    return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail);
  }

  public static ResponseStatusException unavailable(String detail) {
    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, detail);
  }
}
