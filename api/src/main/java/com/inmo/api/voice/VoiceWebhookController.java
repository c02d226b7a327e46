package com.inmo.api.voice;

import com.inmo.api.voice.BlandCalls.Call;
import com.inmo.api.voice.VapiMessages.Message;
import com.inmo.api.voice.WebhookSignatures.Verdict;
import com.inmo.api.web.Problems;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.call.ProviderOutcomes;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The voice providers' webhooks, {@code POST /webhooks/voice/vapi} and {@code POST /webhooks/voice/bland}.
 *
 * <p>In this order: size (over 1 MB → 413, {@code BodySizeLimitFilter}, before the body is held); the secret
 * configured (else 503: an unsigned request is never accepted); the signature on the raw bytes (missing, wrong or
 * stale → 401, nothing read further); parse (not the provider's JSON → 400); then by message:
 * <ul>
 *   <li>an end-of-call report (VAPI {@code end-of-call-report}, Bland's one post of an ended call): a copy
 *       already handed over → 200 {@code {"ignored": "duplicate"}}; else the call workflow's {@code report}
 *       signal and a {@code call_status} live event → 200 {@code {"signalled": id}} once Temporal took it, 503
 *       when Temporal cannot (the provider may retry; if not, the workflow's status poll recovers the report),
 *       200 {@code {"ignored": …}} when the workflow is closed or unknown (the provider must stop retrying);</li>
 *   <li>VAPI {@code status-update}: only a {@code call_status} live event;</li>
 *   <li>anything else, or a call without our metadata: 200 {@code {"ignored": …}}.</li>
 * </ul>
 * Temporal and Redis only, never the database.
 */
@RestController
class VoiceWebhookController {

  static final String VAPI_SECRET = "X-Vapi-Secret";
  static final String VAPI_SIGNATURE = "X-Vapi-Signature";
  static final String VAPI_TIMESTAMP = "X-Vapi-Timestamp";
  static final String BLAND_SIGNATURE = "X-Webhook-Signature";
  /** The de-duplication key's message type of Bland's single end-of-call post. */
  static final String BLAND_END = "call-ended";

  private static final Logger log = LoggerFactory.getLogger(VoiceWebhookController.class);
  private final VoiceProperties props;
  private final VoiceHandoff handoff;
  private final JsonMapper json;

  VoiceWebhookController(VoiceProperties props, VoiceHandoff handoff, JsonMapper json) {
    this.props = props;
    this.handoff = handoff;
    this.json = json;
  }

  @PostMapping("/webhooks/voice/vapi")
  Mono<Map<String, String>> vapi(@RequestHeader(name = VAPI_SECRET, required = false) String secret,
                                 @RequestHeader(name = "Authorization", required = false) String authorization,
                                 @RequestHeader(name = VAPI_SIGNATURE, required = false) String signature,
                                 @RequestHeader(name = VAPI_TIMESTAMP, required = false) String timestamp,
                                 @RequestBody(required = false) byte[] body) {
    return Mono.defer(() -> {
      require("VAPI", props.vapiWebhookSecret(), "VAPI_WEBHOOK_SECRET");
      check("VAPI", WebhookSignatures.vapi(props.vapiWebhookSecret(), secret, authorization, signature, timestamp,
          body, Instant.now(), props.signatureTolerance()));
      Message m = VapiMessages.parse(json, body);
      if (m.meta() == null) {
        return Mono.just(VoiceHandoff.answer("ignored", "not a call placed by Inmo"));
      }
      return switch (m.type()) {
        case VapiMessages.END_OF_CALL_REPORT -> handoff.endOfCall(m.meta(), m.report(), m.type());
        case VapiMessages.STATUS_UPDATE -> handoff.liveStatus(m.meta(), "vapi", m.callId(),
            ProviderOutcomes.vapi(m.callStatus(), m.endedReason()), m.callStatus(), m.endedReason());
        default -> Mono.just(VoiceHandoff.answer("ignored", m.type()));
      };
    });
  }

  @PostMapping("/webhooks/voice/bland")
  Mono<Map<String, String>> bland(@RequestHeader(name = BLAND_SIGNATURE, required = false) String signature,
                                  @RequestBody(required = false) byte[] body) {
    return Mono.defer(() -> {
      require("Bland", props.blandWebhookSecret(), "BLAND_WEBHOOK_SECRET");
      check("Bland", WebhookSignatures.bland(props.blandWebhookSecret(), signature, body));
      Call c = BlandCalls.parse(json, body);
      if (c.meta() == null) {
        return Mono.just(VoiceHandoff.answer("ignored", "not a call placed by Inmo"));
      }
      if (c.status() == CallStatus.IN_PROGRESS) {
        return handoff.liveStatus(c.meta(), "bland", c.callId(), c.status(), c.providerStatus(), null);
      }
      return handoff.endOfCall(c.meta(), c.report(), BLAND_END);
    });
  }

  private static void require(String provider, String secret, String variable) {
    if (secret.isEmpty()) {
      log.warn("A {} webhook arrived but {} is not set: refused", provider, variable);
      throw Problems.unavailable("The " + provider + " webhook is not configured (" + variable + ")");
    }
  }

  private static void check(String provider, Verdict verdict) {
    if (!verdict.ok()) {
      log.warn("{} webhook refused: {}", provider, verdict.reason());
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Missing, wrong or stale " + provider + " signature");
    }
  }
}
