package com.inmo.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.support.ApiIntegrationTest;
import com.inmo.api.support.InternalApi;
import com.inmo.api.support.TestData;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint the worker calls answers on the internal port only (404 on the public one, even with the token),
 * and there refuses a request without the shared token, or with a wrong one.
 */
@ApiIntegrationTest
class InternalTokenRequiredTest {

  @Autowired
  WebTestClient http;
  @Autowired
  InternalServer internalServer;
  @org.springframework.boot.test.web.server.LocalServerPort
  int publicPort;

  static Stream<Arguments> endpoints() {
    UUID id = UUID.randomUUID();
    return Stream.of(
        Arguments.of(HttpMethod.GET, "/internal/v1/schema"),
        Arguments.of(HttpMethod.GET, "/internal/v1/brokers"),
        Arguments.of(HttpMethod.GET, "/internal/v1/brokers/demo/config"),
        Arguments.of(HttpMethod.GET, "/internal/v1/brokers/demo/telegram"),
        Arguments.of(HttpMethod.GET, "/internal/v1/leads/" + id + "/messages/out-1"),
        Arguments.of(HttpMethod.PUT, "/internal/v1/leads/" + id),
        Arguments.of(HttpMethod.POST, "/internal/v1/leads/" + id + "/messages"),
        Arguments.of(HttpMethod.POST, "/internal/v1/leads/" + id + "/stage-moves"),
        Arguments.of(HttpMethod.POST, "/internal/v1/leads/" + id + "/tasks"),
        Arguments.of(HttpMethod.POST, "/internal/v1/leads/" + id + "/tasks/close"),
        Arguments.of(HttpMethod.POST, "/internal/v1/notifications"),
        Arguments.of(HttpMethod.GET, "/internal/v1/brokers/demo/digest?day=2026-12-01"),
        Arguments.of(HttpMethod.GET, "/internal/v1/brokers/demo/slots?from=2026-12-01T00:00:00Z&days=7&limit=3"),
        Arguments.of(HttpMethod.POST, "/internal/v1/appointments"),
        Arguments.of(HttpMethod.POST, "/internal/v1/appointments/" + id + "/cancel"),
        Arguments.of(HttpMethod.GET, "/internal/v1/brokers/demo/calendar/google?leadId=" + id),
        Arguments.of(HttpMethod.POST, "/internal/v1/brokers/demo/calendar/google/disconnected"),
        Arguments.of(HttpMethod.PUT, "/internal/v1/appointments/" + id + "/calendar-event"),
        Arguments.of(HttpMethod.POST, "/internal/v1/calls"),
        Arguments.of(HttpMethod.POST, "/internal/v1/calls/reservations"),
        Arguments.of(HttpMethod.PUT, "/internal/v1/calls/reservations/k-1"),
        Arguments.of(HttpMethod.GET, "/internal/v1/brokers/demo/voice"),
        Arguments.of(HttpMethod.POST, "/internal/v1/llm-calls"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoints")
  void notServedOnThePublicPortEvenWithTheToken(HttpMethod method, String path) {
    assertThat(internalServer.port()).isPositive().isNotEqualTo(publicPort);
    http.method(method).uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
        .header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN)
        .exchange().expectStatus().isNotFound();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoints")
  void refusedWithoutTheToken(HttpMethod method, String path) {
    WebTestClient http = InternalApi.withoutToken(internalServer);
    http.method(method).uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
        .exchange().expectStatus().isUnauthorized();
    http.method(method).uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
        .header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN + "x")
        .exchange().expectStatus().isUnauthorized();
    // and the right token gets past the guard (whatever the empty body then earns)
    http.method(method).uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
        .header(InternalTokenFilter.HEADER, TestData.INTERNAL_TOKEN)
        .exchange().expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status).isNotEqualTo(401));
  }
}
