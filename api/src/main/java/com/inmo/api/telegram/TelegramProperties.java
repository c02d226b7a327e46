package com.inmo.api.telegram;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inmo.telegram.*}, from the deployment guide's variables (see {@code inmo-api.yml}).
 *
 * @param token          the default bot's token ({@code TELEGRAM_TOKEN}); blank: no default bot traffic out
 * @param webhookUrl     where Telegram should post updates ({@code TELEGRAM_WEBHOOK_URL}); blank with a token
 *                       set means long polling (the only way behind NAT)
 * @param webhookSecret  what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param apiUrl         the Bot API's base URL (a self-hosted Bot API server or a test stub)
 * @param defaultBroker  the broker whose leads the default bot serves
 * @param healthCacheTtl how long {@code getWebhookInfo} is reused by {@code /health}, which load balancers poll
 * @param brokerBotCacheTtl how long a broker's bot read from the database is used before it is read again
 *                       (a rotated secret reaches every replica within it); while the database is down, the
 *                       last one read serves on
 */
@ConfigurationProperties("inmo.telegram")
public record TelegramProperties(String token, String webhookUrl, String webhookSecret, String apiUrl,
                                 String defaultBroker, Duration healthCacheTtl,
                                 Duration brokerBotCacheTtl) {

  public TelegramProperties {
    token = trim(token);
    webhookUrl = trim(webhookUrl);
    webhookSecret = trim(webhookSecret);
    apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl.trim();
    defaultBroker = defaultBroker == null || defaultBroker.isBlank() ? "demo" : defaultBroker.trim();
    healthCacheTtl = healthCacheTtl == null ? Duration.ofSeconds(30) : healthCacheTtl;
    brokerBotCacheTtl = brokerBotCacheTtl == null ? Duration.ofSeconds(60) : brokerBotCacheTtl;
  }

  public boolean hasToken() {
    return !token.isEmpty();
  }

  /** Telegram pushes to us: a token and a public URL. */
  public boolean webhookMode() {
    return hasToken() && !webhookUrl.isEmpty();
  }

  /** We pull from Telegram: a token but no URL Telegram could reach. */
  public boolean pollingMode() {
    return hasToken() && webhookUrl.isEmpty();
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
