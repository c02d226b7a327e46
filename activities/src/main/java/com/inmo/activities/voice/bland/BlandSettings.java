package com.inmo.activities.voice.bland;

/**
 * How the worker reaches Bland.
 *
 * @param baseUrl        {@code BLAND_BASE_URL}, https://api.bland.ai by default (a local stub in tests)
 * @param apiKey         {@code BLAND_API_KEY}, sent as the {@code authorization} header
 * @param webhookBaseUrl {@code WEBHOOK_BASE_URL}: Bland posts the ended call to {@code <it>/webhooks/voice/bland}
 *                       (signed with the webhook signing secret set in Bland's dashboard, BLAND_WEBHOOK_SECRET
 *                       on the api). Blank: no webhook, the status poll alone finds outcomes
 * @param voice          the Bland voice ({@code maya})
 * @param language       the call's language ({@code es})
 * @param maxDurationMinutes a call is cut after this long
 */
public record BlandSettings(String baseUrl, String apiKey, String webhookBaseUrl, String voice, String language,
                            int maxDurationMinutes) {

  public static final String DEFAULT_BASE_URL = "https://api.bland.ai";

  public BlandSettings {
    baseUrl = blank(baseUrl) ? DEFAULT_BASE_URL : baseUrl.trim().replaceAll("/+$", "");
    apiKey = blank(apiKey) ? "" : apiKey.trim();
    webhookBaseUrl = blank(webhookBaseUrl) ? "" : webhookBaseUrl.trim().replaceAll("/+$", "");
    voice = blank(voice) ? "maya" : voice.trim();
    language = blank(language) ? "es" : language.trim();
    maxDurationMinutes = maxDurationMinutes <= 0 ? 10 : maxDurationMinutes;
  }

  public String webhookUrl() {
    return webhookBaseUrl.isEmpty() ? "" : webhookBaseUrl + "/webhooks/voice/bland";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
