package com.inmo.api.voice;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inmo.voice.*}, from the deployment guide's variables (see {@code inmo-api.yml}).
 *
 * @param provider           {@code VOICE_PROVIDER}: simulated, vapi or bland (which provider the worker calls with;
 *                           the api accepts each provider's webhook whenever that provider's secret is set), or
 *                           empty: the simulator outside production, calling off in production
 * @param vapiWebhookSecret  {@code VAPI_WEBHOOK_SECRET}: what VAPI sends in {@code X-Vapi-Secret} or as a bearer
 *                           token, or the HMAC key of {@code X-Vapi-Signature}; blank: the VAPI webhook answers 503
 * @param blandWebhookSecret {@code BLAND_WEBHOOK_SECRET}: the HMAC key of Bland's {@code X-Webhook-Signature};
 *                           blank: the Bland webhook answers 503
 * @param signatureTolerance how far a signed webhook's timestamp may be from our clock
 * @param rememberFor        how long a delivered report is remembered to answer a copy "duplicate"
 */
@ConfigurationProperties("inmo.voice")
public record VoiceProperties(String provider, String vapiWebhookSecret, String blandWebhookSecret,
                              Duration signatureTolerance, Duration rememberFor) {

  public VoiceProperties {
    provider = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
    vapiWebhookSecret = vapiWebhookSecret == null ? "" : vapiWebhookSecret.trim();
    blandWebhookSecret = blandWebhookSecret == null ? "" : blandWebhookSecret.trim();
    signatureTolerance = signatureTolerance == null ? Duration.ofMinutes(5) : signatureTolerance;
    rememberFor = rememberFor == null ? Duration.ofDays(7) : rememberFor;
  }

  /**
   * Whether the worker places calls (the broker config's {@code voiceEnabled}): a provider is named, or none is
   * and this is not production (dev mode's simulator). The worker makes the same choice from the same variable.
   */
  public boolean callsEnabled(boolean production) {
    return !provider.isEmpty() || !production;
  }
}
