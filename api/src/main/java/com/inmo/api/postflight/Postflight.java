package com.inmo.api.postflight;

import com.inmo.api.command.CheckReport;
import com.inmo.api.command.CommandSupport;
import com.inmo.api.telegram.TelegramWebhookCheck;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * {@code postflight}: the deployment guide's "after" checklist, run against the deployment as the world reaches
 * it, from the public URLs in the environment: {@code WEBHOOK_BASE_URL} (the api) and {@code DASHBOARD_URL} (else
 * the first of {@code ALLOWED_ORIGINS}). One {@code OK}/{@code FAIL} line a check, then a summary: the api's
 * {@code /health} healthy; TLS in front of the api and of the dashboard; the dashboard's page; Telegram's webhook
 * of the default bot and of each broker's own bot; the voice provider's webhook routed to the api; an active
 * superadmin. Exit 0 only when every check passed, 1 otherwise, 2 for a wrong command line.
 */
public final class Postflight {

  public static final String COMMAND = "postflight";

  private Postflight() {
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out) {
    return run(args, env, out, Network.system());
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, Network network) {
    if (args.length > 1) {
      out.println("FAIL usage: " + COMMAND + " takes no arguments (it reads the environment), got " + args[1]);
      return 2;
    }
    CheckReport report = new CheckReport();
    PublicEndpoints endpoints = new PublicEndpoints(network);
    String apiBase = trimSlash(env.get("WEBHOOK_BASE_URL"));
    String dashboard = dashboardUrl(env);

    if (apiBase == null) {
      report.fail("the api's health not checked: WEBHOOK_BASE_URL (the api's public https URL) is not set");
    } else {
      endpoints.health(apiBase, report);
      endpoints.tls(apiBase, report);
    }
    if (dashboard == null) {
      report.fail("the dashboard not checked: neither DASHBOARD_URL nor ALLOWED_ORIGINS is set");
    } else {
      endpoints.dashboard(dashboard, report);
      endpoints.tls(dashboard, report);
    }
    TelegramWebhookCheck.check(env, apiBase, report);
    voice(env, apiBase, endpoints, report);
    superadmin(env, report);
    return report.print(out, "Postflight");
  }

  private static void voice(Map<String, String> env, String apiBase, PublicEndpoints endpoints, CheckReport report) {
    String provider = env.getOrDefault("VOICE_PROVIDER", "").trim().toLowerCase(Locale.ROOT);
    switch (provider) {
      case "" -> report.ok("voice: calling off (VOICE_PROVIDER not set): no provider calls back");
      case "vapi", "bland" -> {
        if (apiBase == null) {
          report.fail("voice: the " + provider + " webhook not checked: WEBHOOK_BASE_URL is not set");
        } else {
          endpoints.voiceWebhook(apiBase, provider, provider.toUpperCase(Locale.ROOT) + "_WEBHOOK_SECRET", report);
        }
      }
      default -> report.fail("voice: VOICE_PROVIDER=" + provider + " is not a provider production calls with "
          + "(vapi, bland, or unset for calling off)");
    }
  }

  private static void superadmin(Map<String, String> env, CheckReport report) {
    try (Connection db = CommandSupport.connect(CommandSupport.databaseUrl(env), Duration.ofSeconds(5),
        Duration.ofSeconds(5)); Statement sql = db.createStatement();
         ResultSet rs = sql.executeQuery("SELECT count(*) FROM users WHERE role = 'SUPERADMIN' AND active")) {
      rs.next();
      int active = rs.getInt(1);
      if (active > 0) {
        report.ok(active + " active SUPERADMIN");
      } else {
        report.fail("no active SUPERADMIN: docker compose run --rm -e INMO_SUPERADMIN_PASSWORD api create-superadmin "
            + "--email you@example.com");
      }
    } catch (Exception e) {
      report.fail("superadmin not checked: the database did not answer: " + CommandSupport.oneLine(e));
    }
  }

  /** {@code DASHBOARD_URL}, else the first of {@code ALLOWED_ORIGINS} (the dashboard's origin). */
  private static String dashboardUrl(Map<String, String> env) {
    String explicit = trimSlash(env.get("DASHBOARD_URL"));
    if (explicit != null) {
      return explicit;
    }
    String origins = env.get("ALLOWED_ORIGINS");
    return origins == null ? null : Arrays.stream(origins.split(",")).map(Postflight::trimSlash)
        .filter(o -> o != null).findFirst().orElse(null);
  }

  private static String trimSlash(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    return url.trim().replaceAll("/+$", "");
  }
}
