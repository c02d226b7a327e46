package com.inmo.activities.voice;

import com.inmo.activities.api.InternalApiClient;
import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.call.CallFailures;
import io.temporal.failure.ApplicationFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The api's side of a call (docs/internal-api.md): the broker's voice profile, and the call budget that must
 * grant a call before any provider is asked to dial (calls cost money). A reservation is idempotent by the call's
 * idempotency key; once a call is placed its provider id is recorded on it, so a retried {@code startCall} finds
 * it and does not dial again.
 */
public class CallBudget {

  private static final Logger log = LoggerFactory.getLogger(CallBudget.class);
  private final InternalApiClient api;

  public CallBudget(InternalApiClient api) {
    this.api = api;
  }

  /** @param providerCallId the call already placed under this reservation (a retried start), or null */
  public record Grant(String providerCallId) {
  }

  record Answer(Boolean granted, String providerCallId, String reason, String detail) {
  }

  public VoiceProfile profile(String brokerSlug) {
    return InternalApiClient.expect(api.get("/internal/v1/brokers/" + encode(brokerSlug) + "/voice"),
        "voice profile of " + brokerSlug, 200).as(VoiceProfile.class);
  }

  /** Granted, or a non-retryable {@code CallCapReached} failure naming the cap. */
  public Grant reserve(StartCallRequest call, String provider) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("brokerSlug", call.brokerSlug());
    body.put("leadId", call.leadId());
    body.put("idempotencyKey", call.idempotencyKey());
    body.put("provider", provider);
    InternalApiClient.Response response = api.post("/internal/v1/calls/reservations", body);
    if (response.status() == 429) {
      Answer refused = response.as(Answer.class);
      if (Boolean.FALSE.equals(refused.granted())) {
        throw ApplicationFailure.newNonRetryableFailure(CallFailures.CAP_REACHED_REASON + ": " + refused.detail()
            + " [" + refused.reason() + "]", CallFailures.CAP_REACHED);
      }
    }
    Answer granted = InternalApiClient.expect(response, "call reservation " + call.idempotencyKey(), 200)
        .as(Answer.class);
    return new Grant(granted.providerCallId());
  }

  /**
   * Records the placed call on its reservation. Never fails the activity: the call rings already, and failing
   * now would make Temporal retry {@code startCall} and dial a second time.
   */
  public void placed(String idempotencyKey, String provider, String providerCallId) {
    try {
      InternalApiClient.Response response = api.put("/internal/v1/calls/reservations/" + encode(idempotencyKey),
          Map.of("provider", provider, "providerCallId", providerCallId));
      if (response.status() != 204) {
        log.warn("The api answered {} recording {} call {} on reservation {}: a retried start would dial again",
            response.status(), provider, providerCallId, idempotencyKey);
      }
    } catch (RuntimeException e) {
      log.warn("Could not record {} call {} on reservation {}: {}", provider, providerCallId, idempotencyKey,
          e.toString());
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
