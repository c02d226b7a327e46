package com.inmo.api.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies bigger than their endpoint needs with 413, before they are buffered: 1 MB for the
 * worker's internal calls and the providers' webhooks, 64 KB for the public web chat. A declared
 * Content-Length is checked up front (the body is then drained, never decoded); a chunked body is counted
 * as it streams in and refused when it passes the limit.
 */
@Component
@Order(0) // after security, so an unauthenticated sender learns nothing but 401
public class BodySizeLimitFilter implements WebFilter {

  public static final long INTERNAL_LIMIT = 1024 * 1024;
  public static final long WEBCHAT_LIMIT = 64 * 1024;
  /** Beyond this a body is not worth reading even to answer politely: answer and close. */
  static final long DRAIN_LIMIT = 8 * 1024 * 1024;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long limit = limitFor(exchange.getRequest().getPath().value());
    if (limit < 0) {
      return chain.filter(exchange);
    }
    long declared = exchange.getRequest().getHeaders().getContentLength();
    if (declared > DRAIN_LIMIT) {
      return refuse(exchange, limit, true);
    }
    if (declared > limit) {
      // read and drop the body first: most clients cannot read an answer while still sending
      return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release)
          .then(Mono.defer(() -> refuse(exchange, limit, false)));
    }
    ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
      @Override
      public Flux<DataBuffer> getBody() {
        AtomicLong seen = new AtomicLong();
        Flux<DataBuffer> counted = super.getBody().handle((buffer, sink) -> {
          long total = seen.addAndGet(buffer.readableByteCount());
          if (total <= limit) {
            sink.next(buffer);
            return;
          }
          // past the limit: drop the rest as it arrives, and refuse once it has all been read
          DataBufferUtils.release(buffer);
          if (total > DRAIN_LIMIT) {
            sink.error(Problems.tooLarge("The body is larger than " + limit + " bytes"));
          }
        });
        return counted.concatWith(Mono.defer(() -> seen.get() > limit
            ? Mono.error(Problems.tooLarge("The body is larger than " + limit + " bytes"))
            : Mono.empty()));
      }
    };
    return chain.filter(exchange.mutate().request(counted).build());
  }

  static long limitFor(String path) {
    if (path.startsWith("/internal/") || path.startsWith("/webhooks/")) {
      return INTERNAL_LIMIT;
    }
    if (path.startsWith("/api/v1/webchat/")) {
      return WEBCHAT_LIMIT;
    }
    return -1;
  }

  private static Mono<Void> refuse(ServerWebExchange exchange, long limit, boolean close) {
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (close) {
      // the connection carries an unread body: it cannot be reused
      response.getHeaders().setConnection("close");
    }
    byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
        + "\"detail\":\"The body is larger than " + limit + " bytes\"}").getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
