package com.inmo.api.postflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.api.command.ApiCommands;
import com.inmo.api.command.Migrate;
import com.inmo.api.crypto.CredentialCipher;
import com.inmo.api.support.TestDatabase;
import com.inmo.api.telegram.BotApiStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code postflight}, the deployment guide's "after" list, against local stand-ins of the deployed stack: the api
 * and the dashboard behind HTTPS (MockWebServer with a self-signed certificate the test trusts), plain HTTP
 * redirecting to HTTPS, Telegram's Bot API (two bots: the default one and a broker's own), and the machine's
 * PostgreSQL. Every check passes on a sound deployment and fails, naming what is wrong, on each broken item.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostflightTest {

  static final String DEFAULT_BOT = "111111:postflight-default-bot";
  static final String BROKER_BOT = "222222:postflight-broker-bot";
  static final String SECRET_KEY = "postflight-secret-key-of-at-least-32-characters";
  static final String HEALTHY = "{\"status\":\"healthy\",\"checks\":{\"database\":\"up\",\"redis\":\"up\",\"temporal\":\"up\"}}";
  static final String INDEX = "<!doctype html><html lang=\"es\"><head><title>Inmo</title>"
      + "<script type=\"module\" src=\"/assets/main-x.js\"></script></head><body><div id=\"root\"></div></body></html>";

  final HeldCertificate certificate = new HeldCertificate.Builder().commonName("localhost")
      .addSubjectAlternativeName("localhost").duration(90, TimeUnit.DAYS).build();
  final MockWebServer api = new MockWebServer();
  final MockWebServer dashboard = new MockWebServer();
  final MockWebServer plainHttp = new MockWebServer();
  final BotApiStub telegram = new BotApiStub(DEFAULT_BOT, BROKER_BOT);
  String database;
  String brokerSlug;

  volatile MockResponse health;
  volatile MockResponse voiceWebhook;
  volatile MockResponse dashboardPage;
  volatile MockResponse plainAnswer;

  @BeforeAll
  void startTheStandIns() throws Exception {
    HandshakeCertificates served = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    api.useHttps(served.sslSocketFactory(), false);
    api.setDispatcher(dispatcher(request -> switch (request.getMethod() + " " + request.getPath()) {
      case "GET /health" -> health;
      case "POST /webhooks/voice/vapi" -> voiceWebhook;
      default -> new MockResponse().setResponseCode(404);
    }));
    api.start();
    dashboard.useHttps(served.sslSocketFactory(), false);
    dashboard.setDispatcher(dispatcher(request -> dashboardPage));
    dashboard.start();
    plainHttp.setDispatcher(dispatcher(request -> plainAnswer));
    plainHttp.start();

    database = "inmo_postflight_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String url = TestDatabase.create(database);
    ByteArrayOutputStream migrated = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(migrated, true, StandardCharsets.UTF_8);
    assertThat(Migrate.run(new String[] {"migrate"}, Map.of("DATABASE_URL", url), print, print))
        .as(migrated.toString(StandardCharsets.UTF_8)).isZero();
    UUID broker = UUID.randomUUID();
    brokerSlug = "pf-" + broker.toString().substring(0, 8);
    CredentialCipher cipher = new CredentialCipher(SECRET_KEY);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO brokers (id, slug, name) VALUES ('" + broker + "', '" + brokerSlug + "', 'Corredora')");
      s.execute("INSERT INTO users (id, broker_id, email, password_hash, full_name, role) VALUES ('" + UUID.randomUUID()
          + "', NULL, 'ops@inmo.test', 'x', 'Operaciones', 'SUPERADMIN')");
      try (PreparedStatement bot = c.prepareStatement("INSERT INTO broker_telegram (broker_id, token_ciphertext, "
          + "secret_ciphertext) VALUES (?, ?, ?)")) {
        bot.setObject(1, broker);
        bot.setBytes(2, cipher.seal(BROKER_BOT, "broker_telegram:token:" + broker));
        bot.setBytes(3, cipher.seal("broker-webhook-secret", "broker_telegram:secret:" + broker));
        bot.executeUpdate();
      }
    }
  }

  @AfterAll
  void stop() throws IOException {
    api.shutdown();
    dashboard.shutdown();
    plainHttp.shutdown();
    telegram.close();
  }

  /** A sound deployment: every stand-in answers as the real one does when all is well. */
  @BeforeEach
  void soundDeployment() throws SQLException {
    health = json(200, HEALTHY);
    voiceWebhook = json(401, "{\"title\":\"Unauthorized\",\"status\":401}");
    dashboardPage = new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html").setBody(INDEX);
    plainAnswer = new MockResponse().setResponseCode(308).setHeader("Location", "https://localhost/");
    telegram.webhook(DEFAULT_BOT, apiBase() + "/webhooks/telegram");
    telegram.webhook(BROKER_BOT, apiBase() + "/webhooks/telegram/" + brokerSlug);
    telegram.deliveryError(DEFAULT_BOT, "Wrong response from the webhook: 502 Bad Gateway", Instant.parse("2026-01-01T00:00:00Z"));
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("UPDATE users SET active = true");
    }
  }

  String apiBase() {
    return "https://localhost:" + api.getPort();
  }

  String dashboardUrl() {
    return "https://localhost:" + dashboard.getPort();
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("WEBHOOK_BASE_URL", apiBase() + "/");
    env.put("DASHBOARD_URL", dashboardUrl());
    env.put("ALLOWED_ORIGINS", "https://elsewhere.inmo.test");
    env.put("TELEGRAM_TOKEN", DEFAULT_BOT);
    env.put("TELEGRAM_WEBHOOK_URL", apiBase() + "/webhooks/telegram");
    env.put("TELEGRAM_API_URL", telegram.url());
    env.put("VOICE_PROVIDER", "vapi");
    env.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + database);
    env.put("SECRET_KEY", SECRET_KEY);
    return env;
  }

  /** The test's trust: the stand-ins' self-signed certificate; plain HTTP on the redirecting stand-in's port. */
  Network network() {
    return new Network(new HandshakeCertificates.Builder().addTrustedCertificate(certificate.certificate()).build()
        .sslContext(), plainHttp.getPort(), Duration.ofSeconds(5));
  }

  record Result(int exit, List<String> lines) {
    List<String> failures() {
      return lines.stream().filter(l -> l.startsWith("FAIL ")).toList();
    }
  }

  Result postflight(Map<String, String> env, Network network) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = Postflight.run(new String[] {"postflight"}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        network);
    String text = out.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    return new Result(exit, text.lines().toList());
  }

  Result postflight() {
    return postflight(env(), network());
  }

  @Test
  void aSoundDeploymentPassesEveryCheck() {
    Result result = postflight();

    assertThat(result.failures()).isEmpty();
    assertThat(result.exit()).isZero();
    assertThat(result.lines()).containsSubsequence(
        "OK   " + apiBase() + "/health answers healthy (database up, redis up, temporal up)",
        "OK   dashboard " + dashboardUrl() + " answers 200 with Inmo's page",
        "OK   Telegram default bot: Telegram posts to " + apiBase() + "/webhooks/telegram, 0 updates pending, "
            + "last delivery error 2026-01-01T00:00:00Z (not recent)",
        "OK   Telegram bot of broker '" + brokerSlug + "': Telegram posts to " + apiBase() + "/webhooks/telegram/"
            + brokerSlug + ", 0 updates pending, no delivery error",
        "OK   voice: an unsigned POST to " + apiBase() + "/webhooks/voice/vapi answers 401 (routed to the api, which "
            + "checks the vapi signature)",
        "OK   1 active SUPERADMIN");
    assertThat(result.lines()).filteredOn(l -> l.startsWith("OK   TLS ")).hasSize(2).allSatisfy(line -> assertThat(line)
        .matches("OK   TLS https://localhost:\\d+: certificate valid until \\d{4}-\\d\\d-\\d\\d \\(8\\d days\\), "
            + "plain http:// redirects to https"));
    assertThat(result.lines().get(result.lines().size() - 1)).isEqualTo("Postflight passed: 8 checks OK");
    assertThat(ApiCommands.handles(new String[] {"postflight"})).isTrue();
  }

  @Test
  void anUnhealthyApiFails() {
    health = json(503, "{\"status\":\"unhealthy\",\"checks\":{\"database\":\"down\",\"redis\":\"up\",\"temporal\":\"up\"}}");
    assertThat(postflight().failures()).containsExactly(
        "FAIL " + apiBase() + "/health answers 503 unhealthy (database down, redis up, temporal up)");
  }

  @Test
  void aDashboardUrlThatIsNotTheAppFails() {
    dashboardPage = new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
        .setBody("<html><title>Welcome to nginx!</title></html>");
    assertThat(postflight().failures()).containsExactly("FAIL dashboard " + dashboardUrl() + " answers 200 but not "
        + "with Inmo's page (<title>Inmo</title> and <div id=\"root\">): is the proxy pointing at the frontend service?");

    dashboardPage = new MockResponse().setResponseCode(502);
    assertThat(postflight().failures()).containsExactly("FAIL dashboard " + dashboardUrl() + " answers 502");
  }

  @Test
  void withoutDashboardUrlTheFirstAllowedOriginIsTheDashboard() {
    Map<String, String> env = env();
    env.remove("DASHBOARD_URL");
    env.put("ALLOWED_ORIGINS", dashboardUrl() + ", https://admin.inmo.test");
    assertThat(postflight(env, network()).lines()).contains(
        "OK   dashboard " + dashboardUrl() + " answers 200 with Inmo's page");
  }

  @Test
  void aWebhookTelegramDoesNotPostToOrFailsToDeliverToFails() {
    telegram.webhook(DEFAULT_BOT, "https://old.inmo.test/webhooks/telegram");
    assertThat(postflight().failures()).containsExactly("FAIL Telegram default bot: Telegram posts to "
        + "https://old.inmo.test/webhooks/telegram, not TELEGRAM_WEBHOOK_URL " + apiBase() + "/webhooks/telegram: run "
        + "register-webhooks");

    telegram.webhook(DEFAULT_BOT, apiBase() + "/webhooks/telegram");
    telegram.deliveryError(DEFAULT_BOT, "Wrong response from the webhook: 502 Bad Gateway",
        Instant.now().minusSeconds(120));
    assertThat(postflight().failures()).singleElement().asString().startsWith("FAIL Telegram default bot: Telegram "
        + "could not deliver to " + apiBase() + "/webhooks/telegram 2 min ago: Wrong response from the webhook: 502 "
        + "Bad Gateway (0 updates pending)");
  }

  @Test
  void aBrokersOwnBotWithoutItsWebhookFails() {
    telegram.webhook(BROKER_BOT, "");
    assertThat(postflight().failures()).containsExactly("FAIL Telegram bot of broker '" + brokerSlug + "': Telegram "
        + "posts nowhere (no webhook), not " + apiBase() + "/webhooks/telegram/" + brokerSlug + ": save the bot again "
        + "in the dashboard (Settings, Channels)");
  }

  @Test
  void aTelegramThatRefusesTheTokenFails() {
    Map<String, String> env = env();
    env.put("TELEGRAM_TOKEN", "999:not-a-bot-of-ours");
    assertThat(postflight(env, network()).failures()).singleElement().asString()
        .startsWith("FAIL Telegram default bot: getWebhookInfo failed: ").contains("401");
  }

  @Test
  void aVoiceWebhookThatIsNotRoutedOrNotConfiguredFails() {
    voiceWebhook = new MockResponse().setResponseCode(404);
    assertThat(postflight().failures()).containsExactly("FAIL voice: an unsigned POST to " + apiBase()
        + "/webhooks/voice/vapi answers 404, not 401: it does not reach the api (check the proxy's route)");

    voiceWebhook = json(503, "{\"title\":\"The VAPI webhook is not configured (VAPI_WEBHOOK_SECRET)\",\"status\":503}");
    assertThat(postflight().failures()).containsExactly("FAIL voice: an unsigned POST to " + apiBase()
        + "/webhooks/voice/vapi answers 503: the api has no VAPI_WEBHOOK_SECRET");
  }

  @Test
  void withCallingOffThereIsNoVoiceWebhookToCheck() {
    Map<String, String> env = env();
    env.remove("VOICE_PROVIDER");
    assertThat(postflight(env, network()).lines())
        .contains("OK   voice: calling off (VOICE_PROVIDER not set): no provider calls back");
  }

  @Test
  void noActiveSuperadminFails() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("UPDATE users SET active = false WHERE role = 'SUPERADMIN'");
    }
    assertThat(postflight().failures()).containsExactly("FAIL no active SUPERADMIN: docker compose run --rm -e "
        + "INMO_SUPERADMIN_PASSWORD api create-superadmin --email you@example.com");
  }

  @Test
  void anUntrustedCertificateFailsTheTlsCheck() {
    HeldCertificate other = new HeldCertificate.Builder().commonName("someone else").build();
    Network trustingAnother = new Network(new HandshakeCertificates.Builder()
        .addTrustedCertificate(other.certificate()).build().sslContext(), plainHttp.getPort(), Duration.ofSeconds(5));

    Result result = postflight(env(), trustingAnother);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.failures()).anySatisfy(line -> assertThat(line)
        .startsWith("FAIL TLS " + apiBase() + ": the certificate is not valid: "));
    assertThat(result.failures()).anySatisfy(line -> assertThat(line)
        .startsWith("FAIL TLS " + dashboardUrl() + ": the certificate is not valid: "));
  }

  @Test
  void aCertificateAboutToExpireFails() throws Exception {
    HeldCertificate expiring = new HeldCertificate.Builder().commonName("localhost")
        .addSubjectAlternativeName("localhost").duration(3, TimeUnit.DAYS).build();
    try (MockWebServer soon = new MockWebServer()) {
      soon.useHttps(new HandshakeCertificates.Builder().heldCertificate(expiring).build().sslSocketFactory(), false);
      soon.setDispatcher(dispatcher(request -> dashboardPage));
      soon.start();
      Map<String, String> env = env();
      env.put("DASHBOARD_URL", "https://localhost:" + soon.getPort());
      Network trusting = new Network(new HandshakeCertificates.Builder().addTrustedCertificate(certificate.certificate())
          .addTrustedCertificate(expiring.certificate()).build().sslContext(), plainHttp.getPort(), Duration.ofSeconds(5));

      assertThat(postflight(env, trusting).failures()).singleElement().asString().matches("FAIL TLS https://localhost:"
          + soon.getPort() + ": the certificate expires in [23] days \\(\\d{4}-\\d\\d-\\d\\d\\): is the proxy renewing it\\?");
    }
  }

  @Test
  void plainHttpServingTheAppFailsAndPlainHttpNotServedPasses() throws IOException {
    plainAnswer = new MockResponse().setResponseCode(200).setBody(INDEX);
    assertThat(postflight().failures()).hasSize(2).allSatisfy(line -> assertThat(line).matches(
        "FAIL TLS https://localhost:\\d+: plain http://localhost:\\d+/ answers 200 without redirecting to https: "
            + "the app is reachable unencrypted"));

    Network nothingOnHttp = new Network(network().tls(), closedPort(), Duration.ofSeconds(5));
    assertThat(postflight(env(), nothingOnHttp).lines()).filteredOn(l -> l.startsWith("OK   TLS ")).hasSize(2)
        .allSatisfy(line -> assertThat(line).endsWith("plain http:// not served"));
  }

  @Test
  void aPublicUrlThatIsNotHttpsFails() {
    Map<String, String> env = env();
    env.put("DASHBOARD_URL", "http://localhost:" + dashboard.getPort());
    assertThat(postflight(env, network()).failures()).contains("FAIL TLS http://localhost:" + dashboard.getPort()
        + " is not https: put the TLS proxy in front (docs/deployment.md, step 5) and use its https URL");
  }

  @Test
  void withoutThePublicUrlsNothingCanBeCheckedAndItSaysWhy() {
    Map<String, String> env = env();
    env.remove("WEBHOOK_BASE_URL");
    env.remove("DASHBOARD_URL");
    env.remove("ALLOWED_ORIGINS");
    Result result = postflight(env, network());
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.failures()).contains(
        "FAIL the api's health not checked: WEBHOOK_BASE_URL (the api's public https URL) is not set",
        "FAIL the dashboard not checked: neither DASHBOARD_URL nor ALLOWED_ORIGINS is set");
  }

  @Test
  void aWrongCommandLineIsExit2() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(Postflight.run(new String[] {"postflight", "--now"}, env(), new PrintStream(out, true,
        StandardCharsets.UTF_8), network())).isEqualTo(2);
  }

  static int closedPort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
  }

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  static Dispatcher dispatcher(java.util.function.Function<RecordedRequest, MockResponse> answer) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer.apply(request);
      }
    };
  }
}
