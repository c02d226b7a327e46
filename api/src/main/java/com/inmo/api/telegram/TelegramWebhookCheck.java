package com.inmo.api.telegram;

import com.inmo.api.command.CheckReport;
import com.inmo.api.command.CommandSupport;
import com.inmo.api.crypto.CredentialCipher;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Postflight's Telegram lines: for the default bot ({@code TELEGRAM_TOKEN}) and each broker's own bot (from the
 * database, opened with {@code SECRET_KEY}), Telegram's own {@code getWebhookInfo}: it posts to the URL the api
 * serves that bot on, and has not failed to deliver there lately ({@link #RECENT}; Telegram keeps the last error's
 * date until the next one, so an older one is only shown).
 */
public final class TelegramWebhookCheck {

  /** A delivery error younger than this fails the check. */
  public static final Duration RECENT = Duration.ofMinutes(15);

  private TelegramWebhookCheck() {
  }

  public static void check(Map<String, String> env, String apiBase, CheckReport report) {
    defaultBot(env, report);
    brokerBots(env, apiBase, report);
  }

  private static void defaultBot(Map<String, String> env, CheckReport report) {
    TelegramProperties props = properties(env, env.get("TELEGRAM_TOKEN"), env.get("TELEGRAM_WEBHOOK_URL"));
    String label = "Telegram default bot";
    if (!props.hasToken()) {
      report.ok(label + ": not configured (TELEGRAM_TOKEN is not set)");
      return;
    }
    if (props.pollingMode()) {
      WebhookInfo info = webhookInfo(props, label, report);
      if (info == null) {
        return;
      }
      if (info.getUrl() == null || info.getUrl().isBlank()) {
        report.ok(label + ": long polling (TELEGRAM_WEBHOOK_URL is not set), no webhook at Telegram");
      } else {
        report.fail(label + ": Telegram posts to " + info.getUrl() + " although the api long-polls (no "
            + "TELEGRAM_WEBHOOK_URL): set TELEGRAM_WEBHOOK_URL and run register-webhooks");
      }
      return;
    }
    compare(label, props, props.webhookUrl(), "TELEGRAM_WEBHOOK_URL " + props.webhookUrl() + ": run register-webhooks",
        report);
  }

  private static void brokerBots(Map<String, String> env, String apiBase, CheckReport report) {
    List<BrokerBot> bots;
    try {
      bots = brokerBotsIn(env);
    } catch (SQLException | RuntimeException e) {
      report.fail("Telegram bots of the brokers not checked: the database did not answer: " + CommandSupport.oneLine(e));
      return;
    }
    if (bots.isEmpty()) {
      report.ok("Telegram: no broker has a bot of its own");
      return;
    }
    String secretKey = env.get("SECRET_KEY");
    CredentialCipher cipher = secretKey == null || secretKey.isBlank() ? null : new CredentialCipher(secretKey);
    for (BrokerBot bot : bots) {
      String label = "Telegram bot of broker '" + bot.slug() + "'";
      if (cipher == null) {
        report.fail(label + " not checked: SECRET_KEY is not set (it opens the stored token)");
        continue;
      }
      String token;
      try {
        token = cipher.open(bot.sealedToken(), BrokerBots.associatedData(bot.brokerId(), "token"));
      } catch (RuntimeException e) {
        report.fail(label + ": its stored token does not open with this SECRET_KEY (changed since?): the broker's "
            + "admin connects the bot again");
        continue;
      }
      if (apiBase == null) {
        report.fail(label + " not checked: WEBHOOK_BASE_URL (the api's public https URL) is not set");
        continue;
      }
      String expected = apiBase + "/webhooks/telegram/" + bot.slug();
      compare(label, properties(env, token, expected), expected,
          expected + ": save the bot again in the dashboard (Settings, Channels)", report);
    }
  }

  /** One line: Telegram posts to {@code expected} and delivered there lately. */
  private static void compare(String label, TelegramProperties props, String expected, String remedy,
                              CheckReport report) {
    WebhookInfo info = webhookInfo(props, label, report);
    if (info == null) {
      return;
    }
    String url = info.getUrl() == null ? "" : info.getUrl();
    int pending = info.getPendingUpdatesCount() == null ? 0 : info.getPendingUpdatesCount();
    if (!url.equals(expected)) {
      report.fail(label + ": Telegram posts " + (url.isEmpty() ? "nowhere (no webhook)" : "to " + url) + ", not "
          + remedy);
      return;
    }
    Integer errorDate = info.getLastErrorDate();
    if (errorDate == null || errorDate == 0) {
      report.ok(label + ": Telegram posts to " + url + ", " + pending + " updates pending, no delivery error");
      return;
    }
    Instant at = Instant.ofEpochSecond(errorDate);
    Duration ago = Duration.between(at, Instant.now());
    if (ago.compareTo(RECENT) < 0) {
      report.fail(label + ": Telegram could not deliver to " + url + " " + Math.max(0, ago.toMinutes()) + " min ago: "
          + info.getLastErrorMessage() + " (" + pending + " updates pending)");
    } else {
      report.ok(label + ": Telegram posts to " + url + ", " + pending + " updates pending, last delivery error "
          + at.truncatedTo(ChronoUnit.MINUTES) + " (not recent)");
    }
  }

  private static WebhookInfo webhookInfo(TelegramProperties props, String label, CheckReport report) {
    BotApi api = new BotApi(props);
    try {
      return api.webhookInfo();
    } catch (TelegramApiException | RuntimeException e) {
      report.fail(label + ": getWebhookInfo failed: " + WebhookRegistration.describe(e));
      return null;
    } finally {
      // its OkHttp threads must not keep the command's JVM alive
      api.destroy();
    }
  }

  private static TelegramProperties properties(Map<String, String> env, String token, String webhookUrl) {
    return new TelegramProperties(token, webhookUrl, null, env.get("TELEGRAM_API_URL"), env.get("DEFAULT_BROKER_SLUG"),
        null, null);
  }

  private record BrokerBot(UUID brokerId, String slug, byte[] sealedToken) {
  }

  private static List<BrokerBot> brokerBotsIn(Map<String, String> env) throws SQLException {
    List<BrokerBot> bots = new ArrayList<>();
    try (Connection db = CommandSupport.connect(CommandSupport.databaseUrl(env), Duration.ofSeconds(5),
        Duration.ofSeconds(5));
         Statement sql = db.createStatement();
         ResultSet rs = sql.executeQuery("SELECT b.id, b.slug, t.token_ciphertext FROM broker_telegram t "
             + "JOIN brokers b ON b.id = t.broker_id WHERE b.active ORDER BY b.slug")) {
      while (rs.next()) {
        bots.add(new BrokerBot(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)));
      }
    }
    return bots;
  }
}
