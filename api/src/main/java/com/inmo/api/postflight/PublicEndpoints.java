package com.inmo.api.postflight;

import com.inmo.api.command.CheckReport;
import com.inmo.api.command.CommandSupport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import javax.net.ssl.SSLException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks of what the world sees at the public URLs, as the world sees it (through the TLS proxy): the api's
 * health, the dashboard's page, the voice webhook's route, and TLS in front of each. Redirects are not followed:
 * each answer is judged as given.
 */
final class PublicEndpoints {

  /** A certificate closer than this to its end fails: the proxy should have renewed it (Caddy does at 30 days). */
  static final Duration EXPIRY_MARGIN = Duration.ofDays(7);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Network network;
  private final HttpClient http;

  PublicEndpoints(Network network) {
    this.network = network;
    this.http = HttpClient.newBuilder().sslContext(network.tls()).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(network.timeout()).build();
  }

  /** GET /health: 200 and "healthy", with each dependency's state in the line. */
  void health(String apiBase, CheckReport report) {
    String url = apiBase + "/health";
    try {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)).GET());
      String status = "?";
      StringBuilder checks = new StringBuilder();
      try {
        JsonNode body = JSON.readTree(answer.body());
        status = body.path("status").asString("?");
        for (Map.Entry<String, JsonNode> check : body.path("checks").properties()) {
          checks.append(checks.isEmpty() ? "" : ", ").append(check.getKey()).append(' ').append(check.getValue().asString());
        }
      } catch (RuntimeException e) {
        status = "not the api's health document";
      }
      String line = url + " answers " + (answer.statusCode() == 200 ? "" : answer.statusCode() + " ") + status
          + (checks.isEmpty() ? "" : " (" + checks + ")");
      if (answer.statusCode() == 200 && status.equals("healthy")) {
        report.ok(line);
      } else {
        report.fail(line);
      }
    } catch (IOException e) {
      report.fail(url + " unreachable: " + CommandSupport.oneLine(e));
    }
  }

  /** The dashboard's own page: 200, HTML with Inmo's title and the app's root element. */
  void dashboard(String url, CheckReport report) {
    try {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)).GET());
      String page = answer.body() == null ? "" : answer.body();
      if (answer.statusCode() != 200) {
        report.fail("dashboard " + url + " answers " + answer.statusCode());
      } else if (page.contains("<title>Inmo</title>") && page.contains("<div id=\"root\">")) {
        report.ok("dashboard " + url + " answers 200 with Inmo's page");
      } else {
        report.fail("dashboard " + url + " answers 200 but not with Inmo's page (<title>Inmo</title> and "
            + "<div id=\"root\">): is the proxy pointing at the frontend service?");
      }
    } catch (IOException e) {
      report.fail("dashboard " + url + " unreachable: " + CommandSupport.oneLine(e));
    }
  }

  /**
   * An unsigned POST to the provider's webhook: the api answers 401 (it checked the signature), so the route
   * reaches the api and the secret is configured; 503 means the api lacks the secret; anything else, another
   * server answered.
   */
  void voiceWebhook(String apiBase, String provider, String secretVariable, CheckReport report) {
    String url = apiBase + "/webhooks/voice/" + provider;
    String line = "voice: an unsigned POST to " + url + " answers ";
    try {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
          "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
      switch (answer.statusCode()) {
        case 401 -> report.ok(line + "401 (routed to the api, which checks the " + provider + " signature)");
        case 503 -> report.fail(line + "503: the api has no " + secretVariable);
        default -> report.fail(line + answer.statusCode() + ", not 401: it does not reach the api (check the proxy's "
            + "route)");
      }
    } catch (IOException e) {
      report.fail("voice: " + url + " unreachable: " + CommandSupport.oneLine(e));
    }
  }

  /**
   * TLS in front of a public URL: https, a certificate the JDK accepts for that host and not about to expire, and
   * plain HTTP on the same host either redirecting to https or not served at all.
   */
  void tls(String url, CheckReport report) {
    URI https = URI.create(url);
    if (!"https".equalsIgnoreCase(https.getScheme())) {
      report.fail("TLS " + url + " is not https: put the TLS proxy in front (docs/deployment.md, step 5) and use its "
          + "https URL");
      return;
    }
    X509Certificate certificate;
    try {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(https).method("HEAD", HttpRequest.BodyPublishers.noBody()));
      certificate = (X509Certificate) answer.sslSession().orElseThrow().getPeerCertificates()[0];
    } catch (SSLException e) {
      report.fail("TLS " + url + ": the certificate is not valid: " + CommandSupport.oneLine(e));
      return;
    } catch (IOException | RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof SSLException)) {
        cause = cause.getCause();
      }
      report.fail("TLS " + url + (cause instanceof SSLException ? ": the certificate is not valid: " : " unreachable: ")
          + CommandSupport.oneLine(e));
      return;
    }
    Instant notAfter = certificate.getNotAfter().toInstant();
    Duration left = Duration.between(Instant.now(), notAfter);
    LocalDate until = LocalDate.ofInstant(notAfter, ZoneOffset.UTC);
    if (left.compareTo(EXPIRY_MARGIN) < 0) {
      report.fail("TLS " + url + ": the certificate expires in " + left.toDays() + " days (" + until + "): is the "
          + "proxy renewing it?");
      return;
    }
    String plain = plainHttp(https);
    if (plain.startsWith("FAIL ")) {
      report.fail("TLS " + url + ": " + plain.substring(5));
    } else {
      report.ok("TLS " + url + ": certificate valid until " + until + " (" + left.toDays() + " days), " + plain);
    }
  }

  /** What plain HTTP on the host does: redirects to https, or is not served; "FAIL …" when it serves in clear. */
  private String plainHttp(URI https) {
    URI plain = URI.create("http://" + https.getHost() + (network.plainHttpPort() == 80 ? ""
        : ":" + network.plainHttpPort()) + "/");
    try {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(plain).GET());
      int status = answer.statusCode();
      String location = answer.headers().firstValue("Location").orElse("");
      if (status >= 300 && status < 400 && location.startsWith("https://")) {
        return "plain http:// redirects to https";
      }
      return "FAIL plain " + plain + " answers " + status + " without redirecting to https: the app is reachable "
          + "unencrypted";
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return "plain http:// not served";
    } catch (IOException e) {
      return "plain http:// not served (" + CommandSupport.oneLine(e) + ")";
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.timeout(network.timeout()).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
