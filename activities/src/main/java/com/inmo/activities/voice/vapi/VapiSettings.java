package com.inmo.activities.voice.vapi;

/**
 * How the worker reaches VAPI.
 *
 * @param baseUrl        {@code VAPI_BASE_URL}, https://api.vapi.ai by default (a local stub in tests)
 * @param apiKey         {@code VAPI_API_KEY}, sent as {@code Authorization: Bearer}
 * @param phoneNumberId  {@code VAPI_PHONE_NUMBER_ID}: the VAPI number calls are placed from
 * @param webhookBaseUrl {@code WEBHOOK_BASE_URL}: the api's public URL; the assistant's server URL is
 *                       {@code <it>/webhooks/voice/vapi}. Blank: no webhook, the status poll alone finds outcomes
 * @param webhookSecret  {@code VAPI_WEBHOOK_SECRET}: sent back by VAPI in {@code X-Vapi-Secret} on each webhook
 * @param modelProvider  the assistant's LLM provider at VAPI ({@code openai})
 * @param model          the assistant's model ({@code gpt-4o-mini})
 * @param voiceProvider  the text-to-speech provider ({@code azure})
 * @param voiceId        the voice ({@code es-CL-CatalinaNeural}: Chilean Spanish)
 * @param transcriberLanguage the speech-to-text language ({@code es})
 * @param maxDurationSeconds  a call is cut after this long
 */
public record VapiSettings(String baseUrl, String apiKey, String phoneNumberId, String webhookBaseUrl,
                           String webhookSecret, String modelProvider, String model, String voiceProvider,
                           String voiceId, String transcriberLanguage, int maxDurationSeconds) {

  public static final String DEFAULT_BASE_URL = "https://api.vapi.ai";

  public VapiSettings {
    baseUrl = blank(baseUrl) ? DEFAULT_BASE_URL : baseUrl.trim().replaceAll("/+$", "");
    apiKey = blank(apiKey) ? "" : apiKey.trim();
    phoneNumberId = blank(phoneNumberId) ? "" : phoneNumberId.trim();
    webhookBaseUrl = blank(webhookBaseUrl) ? "" : webhookBaseUrl.trim().replaceAll("/+$", "");
    webhookSecret = blank(webhookSecret) ? "" : webhookSecret.trim();
    modelProvider = blank(modelProvider) ? "openai" : modelProvider.trim();
    model = blank(model) ? "gpt-4o-mini" : model.trim();
    voiceProvider = blank(voiceProvider) ? "azure" : voiceProvider.trim();
    voiceId = blank(voiceId) ? "es-CL-CatalinaNeural" : voiceId.trim();
    transcriberLanguage = blank(transcriberLanguage) ? "es" : transcriberLanguage.trim();
    maxDurationSeconds = maxDurationSeconds <= 0 ? 600 : maxDurationSeconds;
  }

  /** Where VAPI posts its server messages, or empty when {@code WEBHOOK_BASE_URL} is not set. */
  public String serverUrl() {
    return webhookBaseUrl.isEmpty() ? "" : webhookBaseUrl + "/webhooks/voice/vapi";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
