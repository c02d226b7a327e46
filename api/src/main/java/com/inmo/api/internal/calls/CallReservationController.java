package com.inmo.api.internal.calls;

import com.inmo.api.brokers.BrokerSettings;
import com.inmo.api.brokers.Brokers;
import com.inmo.api.voice.CallReservations;
import com.inmo.api.voice.VoiceSettings;
import com.inmo.api.web.Problems;
import com.inmo.workflows.broker.BrokerConfig;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker asks here before it asks a voice provider to dial (calls cost money), see {@link CallReservations}:
 * <ul>
 *   <li>{@code POST /internal/v1/calls/reservations} {@code {"brokerSlug","leadId","idempotencyKey","provider"}} →
 *       200 {@code {"granted":true,"providerCallId":null|"…"}} (a retry of a granted key gets the same answer, with
 *       the call placed under it if any), 429 {@code {"granted":false,"reason":"broker-hourly-cap"|"lead-daily-cap",
 *       "detail"}}, 404 unknown broker, 400 missing fields, 503 when Redis cannot tell;</li>
 *   <li>{@code PUT /internal/v1/calls/reservations/{idempotencyKey}} {@code {"providerCallId"}} → 204, 404 when no
 *       such reservation: the call placed under it, so that a retried {@code startCall} does not dial again.</li>
 * </ul>
 */
@RestController
class CallReservationController {

  private static final Logger log = LoggerFactory.getLogger(CallReservationController.class);
  private final Brokers brokers;
  private final JsonMapper json;
  private final CallReservations reservations;

  CallReservationController(Brokers brokers, JsonMapper json, CallReservations reservations) {
    this.brokers = brokers;
    this.json = json;
    this.reservations = reservations;
  }

  record ReservationRequest(String brokerSlug, UUID leadId, String idempotencyKey, String provider) {
  }

  record Reservation(boolean granted, String idempotencyKey, String providerCallId, String reason, String detail) {
  }

  record CallPlaced(String provider, String providerCallId) {
  }

  @PostMapping("/internal/v1/calls/reservations")
  Mono<ResponseEntity<Reservation>> reserve(@RequestBody ReservationRequest r) {
    if (r == null || r.brokerSlug() == null || r.brokerSlug().isBlank() || r.leadId() == null
        || r.idempotencyKey() == null || r.idempotencyKey().isBlank() || r.idempotencyKey().length() > 200) {
      return Mono.error(Problems.badRequest("brokerSlug, leadId and idempotencyKey (≤ 200 characters) are required"));
    }
    return brokers.require(r.brokerSlug()).flatMap(b -> {
      BrokerConfig config = BrokerSettings.toConfig(b, json);
      int perHour = VoiceSettings.callsPerBrokerPerHour(b, json);
      int perDay = config.callsPerLeadPerDay();
      return reservations.reserve(b.slug(), r.leadId(), r.idempotencyKey(), perHour, perDay, b.zone(), Instant.now())
          .onErrorMap(e -> {
            log.warn("Call reservation {} of broker {} could not be checked: {}", r.idempotencyKey(), b.slug(),
                e.toString());
            return Problems.unavailable("The call budget cannot be checked now (Redis); retry");
          })
          .map(o -> {
            if (o.granted()) {
              return ResponseEntity.ok(new Reservation(true, r.idempotencyKey(), o.providerCallId(), null, null));
            }
            boolean broker = "broker".equals(o.refusedBy());
            String detail = broker
                ? "broker " + b.slug() + " placed " + o.count() + " calls in the last hour (callsPerBrokerPerHour "
                    + perHour + ")"
                : "lead " + r.leadId() + " was called " + o.count() + " times today (callsPerLeadPerDay " + perDay + ")";
            log.info("Call {} refused: {}", r.idempotencyKey(), detail);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(new Reservation(false, r.idempotencyKey(),
                null, broker ? "broker-hourly-cap" : "lead-daily-cap", detail));
          });
    });
  }

  @PutMapping("/internal/v1/calls/reservations/{idempotencyKey}")
  Mono<ResponseEntity<Void>> placed(@PathVariable String idempotencyKey, @RequestBody CallPlaced placed) {
    if (placed == null || placed.providerCallId() == null || placed.providerCallId().isBlank()) {
      return Mono.error(Problems.badRequest("providerCallId is required"));
    }
    return reservations.recordCall(idempotencyKey, placed.providerCallId().trim())
        .onErrorMap(e -> Problems.unavailable("The call budget cannot be written now (Redis); retry"))
        .flatMap(found -> found ? Mono.just(ResponseEntity.noContent().<Void>build())
            : Mono.error(Problems.notFound("No call reservation " + idempotencyKey)));
  }
}
