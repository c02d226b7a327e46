package com.inmo.api.telegram;

import com.inmo.api.command.CommandSupport;
import com.inmo.api.config.Environments;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * {@code register-webhooks}: tells the outside world where to call the api, and prints what it did.
 *
 * <ul>
 *   <li>Telegram (the default bot): with {@code TELEGRAM_TOKEN} and {@code TELEGRAM_WEBHOOK_URL},
 *       {@code setWebhook} with {@code TELEGRAM_WEBHOOK_SECRET} and the update kinds the api reads (the same
 *       call the api makes when it starts), then prints Telegram's {@code getWebhookInfo}. A token without a
 *       URL means long polling: nothing to register. Brokers' own bots are registered when an admin saves
 *       them in the dashboard.</li>
 *   <li>Voice: the providers take the callback URL with each call in this design, nothing is registered
 *       with them; it prints the URL each call will carry, {@code WEBHOOK_BASE_URL/webhooks/voice/<provider>}.</li>
 * </ul>
 * Exit 0 when everything configured is in place, 1 when something was refused or cannot work as configured.
 */
public final class RegisterWebhooks {

  public static final String COMMAND = "register-webhooks";

  private RegisterWebhooks() {
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length > 1) {
      err.println("Usage: " + COMMAND + " (no arguments; it reads TELEGRAM_* and VOICE_PROVIDER/WEBHOOK_BASE_URL); "
          + "unexpected: " + args[1]);
      return 2;
    }
    boolean telegramOk = telegram(env, out);
    boolean voiceOk = voice(env, out);
    return telegramOk && voiceOk ? 0 : 1;
  }

  private static boolean telegram(Map<String, String> env, PrintStream out) {
    TelegramProperties props = new TelegramProperties(env.get("TELEGRAM_TOKEN"), env.get("TELEGRAM_WEBHOOK_URL"),
        env.get("TELEGRAM_WEBHOOK_SECRET"), env.get("TELEGRAM_API_URL"), env.get("DEFAULT_BROKER_SLUG"),
        null, null);
    if (!props.hasToken()) {
      out.println("Telegram: TELEGRAM_TOKEN is not set: no default bot, nothing to register");
      return true;
    }
    if (props.pollingMode()) {
      out.println("Telegram: TELEGRAM_WEBHOOK_URL is not set: the api long-polls Telegram instead, nothing to register");
      return true;
    }
    if (props.webhookSecret().isEmpty()) {
      out.println("Telegram: FAIL TELEGRAM_WEBHOOK_SECRET is not set: the api would refuse every update posted to "
          + props.webhookUrl() + ", so no webhook is registered");
      return false;
    }
    BotApi api = new BotApi(props);
    try {
      api.setWebhook(props.webhookUrl(), props.webhookSecret());
      out.println("Telegram: setWebhook " + props.webhookUrl() + " with the secret token, updates "
          + String.join(", ", TelegramUpdates.ALLOWED_UPDATES) + ": accepted");
    } catch (TelegramApiException e) {
      out.println("Telegram: FAIL setWebhook " + props.webhookUrl() + " refused: " + WebhookRegistration.describe(e));
      api.destroy();
      return false;
    } catch (RuntimeException e) {
      out.println("Telegram: FAIL setWebhook " + props.webhookUrl() + ": " + CommandSupport.oneLine(e));
      api.destroy();
      return false;
    }
    try {
      WebhookInfo info = api.webhookInfo();
      out.println("Telegram: getWebhookInfo url " + info.getUrl() + ", pending updates " + info.getPendingUpdatesCount()
          + ", allowed updates " + (info.getAllowedUpdates() == null ? "all" : String.join(", ", info.getAllowedUpdates()))
          + ", last error " + (info.getLastErrorMessage() == null || info.getLastErrorMessage().isBlank() ? "none"
          : "'" + info.getLastErrorMessage() + "'"));
      if (!props.webhookUrl().equals(info.getUrl())) {
        out.println("Telegram: FAIL Telegram reports the webhook " + info.getUrl() + ", not " + props.webhookUrl());
        return false;
      }
      return true;
    } catch (TelegramApiException | RuntimeException e) {
      out.println("Telegram: FAIL getWebhookInfo: " + WebhookRegistration.describe(e));
      return false;
    } finally {
      // its OkHttp threads must not keep the command's JVM alive
      api.destroy();
    }
  }

  private static boolean voice(Map<String, String> env, PrintStream out) {
    String provider = env.getOrDefault("VOICE_PROVIDER", "");
    if (provider.isBlank() && Environments.isProduction(env)) {
      out.println("Voice: VOICE_PROVIDER is not set: calling off (production never uses the simulator), nothing to "
          + "register");
      return true;
    }
    provider = provider.isBlank() ? "simulated" : provider.trim().toLowerCase(Locale.ROOT);
    if (provider.equals("simulated")) {
      out.println("Voice: VOICE_PROVIDER=simulated: no provider calls back from outside (the worker posts the "
          + "simulated reports to /webhooks/voice/simulated), nothing to register");
      return true;
    }
    String base = env.getOrDefault("WEBHOOK_BASE_URL", "").trim();
    if (base.isEmpty()) {
      out.println("Voice: FAIL VOICE_PROVIDER=" + provider + " needs WEBHOOK_BASE_URL (the api's public https URL): "
          + "each call tells " + provider + " where to post its report");
      return false;
    }
    String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/webhooks/voice/" + provider;
    if (!url.startsWith("https://")) {
      out.println("Voice: FAIL WEBHOOK_BASE_URL must be https (" + provider + " calls back over HTTPS only): " + url);
      return false;
    }
    String secret = provider.equals("vapi") ? "VAPI_WEBHOOK_SECRET" : provider.equals("bland") ? "BLAND_WEBHOOK_SECRET"
        : null;
    if (secret != null && env.getOrDefault(secret, "").isBlank()) {
      out.println("Voice: FAIL VOICE_PROVIDER=" + provider + " needs " + secret + ": the api refuses every " + provider
          + " webhook without it (README, Connect VAPI or Bland)");
      return false;
    }
    out.println("Voice: " + provider + " is given " + url + " as the server URL of each call (set per call, "
        + "nothing to register)");
    return true;
  }
}
