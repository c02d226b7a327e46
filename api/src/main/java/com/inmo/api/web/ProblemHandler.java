package com.inmo.api.web;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error as a problem document. Bad input names what was wrong (the default says only "Failed to read
 * HTTP message", which leaves the worker's engineer guessing which field broke the request).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final int MAX_DETAIL = 500;

  /**
   * Anything unexpected (a database error, a bug): 500 with a generic detail. The exception, which may hold
   * SQL, table names or a stack trace, goes to the log only, under an id the client can quote.
   */
  @ExceptionHandler(Exception.class)
  public Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
    ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
    if (declared != null) {
      ProblemDetail body = ProblemDetail.forStatusAndDetail(declared.code(),
          declared.reason().isEmpty() ? declared.code().getReasonPhrase() : declared.reason());
      return handleExceptionInternal(ex, body, new HttpHeaders(), declared.code(), exchange);
    }
    String id = exchange.getRequest().getId();
    log.error("Unexpected error on {} {} [request {}]", exchange.getRequest().getMethod(),
        exchange.getRequest().getPath().value(), id, ex);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "An unexpected error occurred; it has been logged (request " + id + ")");
    return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
  }

  /** Bean validation of a body: name every field that failed and why. */
  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    String detail = ex.getFieldErrors().stream()
        .map(e -> e.getField() + ": " + e.getDefaultMessage())
        .collect(Collectors.joining("; "));
    if (detail.isEmpty()) {
      detail = ex.getGlobalErrors().stream().map(e -> String.valueOf(e.getDefaultMessage()))
          .collect(Collectors.joining("; "));
    }
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail.isEmpty() ? "Invalid request content" : detail);
    return handleExceptionInternal(ex, body, headers, status, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, describe(ex));
    return handleExceptionInternal(ex, body, headers, status, exchange);
  }

  /** The most specific message in the chain: Jackson's names the field, the value and what was expected. */
  static String describe(ServerWebInputException ex) {
    String cause = mostSpecificMessage(ex.getCause());
    String reason = ex.getReason();
    String detail;
    if (cause == null) {
      detail = reason != null ? reason : "Bad request";
    } else if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null
        && !(ex.getCause() instanceof DecodingException)) {
      // a query or path parameter that did not convert
      detail = "Parameter '" + ex.getMethodParameter().getParameterName() + "' is not valid: " + cause;
    } else {
      detail = cause;
    }
    detail = detail
        // Jackson 3 hides the input but still says where it stopped reading
        .replaceAll("\\s*at \\[Source: REDACTED[^\\]]*byte offset: #(\\d+)\\]", " (at byte $1)")
        .replaceAll("\\s*\\n\\s*", " ")
        .trim();
    return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
  }

  private static String mostSpecificMessage(Throwable cause) {
    String message = null;
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // a decoder's own wrapper message ("JSON decoding error: …") repeats its cause's
      if (t.getMessage() != null && !(t instanceof DecodingException && t.getCause() != null)) {
        message = t.getMessage();
      }
    }
    return message;
  }
}
