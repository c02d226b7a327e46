package com.inmo.api.calendar.google;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The api's Google settings ({@code inmo.google.*} in inmo-api.yml): the OAuth client the connect flow uses,
 * Google's endpoints (replaceable by local stubs), and the default broker's calendar from the environment,
 * which the api only reports on (the worker uses it).
 */
@Component
public class GoogleCalendarSettings {

  /** The one scope asked for: read free/busy, insert and delete events. */
  public static final String SCOPE = "https://www.googleapis.com/auth/calendar";

  private final String clientId;
  private final String clientSecret;
  private final String authUrl;
  private final String tokenUrl;
  private final String redirectUrl;
  private final String webhookBaseUrl;
  private final String dashboardUrl;
  private final String envRefreshToken;
  private final String envCalendarId;
  private final String defaultBroker;
  private final Duration stateTtl;

  public GoogleCalendarSettings(@Value("${inmo.google.client-id:}") String clientId,
                                @Value("${inmo.google.client-secret:}") String clientSecret,
                                @Value("${inmo.google.oauth-auth-url:https://accounts.google.com/o/oauth2/v2/auth}") String authUrl,
                                @Value("${inmo.google.oauth-token-url:https://oauth2.googleapis.com/token}") String tokenUrl,
                                @Value("${inmo.google.oauth-redirect-url:}") String redirectUrl,
                                @Value("${inmo.google.webhook-base-url:}") String webhookBaseUrl,
                                @Value("${inmo.allowed-origins:}") String allowedOrigins,
                                @Value("${inmo.google.refresh-token:}") String envRefreshToken,
                                @Value("${inmo.google.calendar-id:primary}") String envCalendarId,
                                @Value("${inmo.telegram.default-broker:demo}") String defaultBroker,
                                @Value("${inmo.google.oauth-state-ttl:10m}") Duration stateTtl) {
    this.clientId = clientId.strip();
    this.clientSecret = clientSecret.strip();
    this.authUrl = orDefault(authUrl, "https://accounts.google.com/o/oauth2/v2/auth");
    this.tokenUrl = orDefault(tokenUrl, "https://oauth2.googleapis.com/token");
    this.redirectUrl = redirectUrl.strip();
    this.webhookBaseUrl = webhookBaseUrl.strip().replaceAll("/+$", "");
    // the dashboard is the (first) origin browsers may call the api from; without one, the api's own origin
    this.dashboardUrl = Arrays.stream(allowedOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .filter(s -> !s.equals("*")).findFirst().orElse("").replaceAll("/+$", "");
    this.envRefreshToken = envRefreshToken.strip();
    this.envCalendarId = orDefault(envCalendarId, "primary");
    this.defaultBroker = orDefault(defaultBroker, "demo");
    this.stateTtl = stateTtl;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  public boolean oauthConfigured() {
    return !clientId.isEmpty() && !clientSecret.isEmpty();
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public String authUrl() {
    return authUrl;
  }

  public String tokenUrl() {
    return tokenUrl;
  }

  /**
   * The callback Google sends the browser back to: {@code GOOGLE_OAUTH_REDIRECT_URL}, else
   * {@code WEBHOOK_BASE_URL/oauth/google/callback}, else this request's own origin (dev mode).
   */
  public String redirectUrl(String requestOrigin) {
    if (!redirectUrl.isEmpty()) {
      return redirectUrl;
    }
    String base = webhookBaseUrl.isEmpty() ? requestOrigin : webhookBaseUrl;
    return base + GoogleCalendarController.CALLBACK_PATH;
  }

  /** Where the callback sends the browser: the dashboard's settings page. */
  public String settingsPage(String outcome) {
    return dashboardUrl + "/settings?calendar=" + outcome;
  }

  /** The default broker's {@code GOOGLE_REFRESH_TOKEN} with the client credentials: what the worker uses. */
  public boolean environmentCalendar(String brokerSlug) {
    return defaultBroker.equalsIgnoreCase(brokerSlug) && !envRefreshToken.isEmpty() && oauthConfigured();
  }

  public String envCalendarId() {
    return envCalendarId;
  }

  public String envTokenFingerprint() {
    return fingerprint(envRefreshToken);
  }

  public Duration stateTtl() {
    return stateTtl;
  }

  /**
   * Names a refresh token without revealing it (the first 16 hex digits of its SHA-256): which
   * {@code GOOGLE_REFRESH_TOKEN} Google revoked, so that a replaced one is tried again. The worker computes
   * the same.
   */
  public static String fingerprint(String token) {
    if (token == null || token.isBlank()) {
      return "";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.strip().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
