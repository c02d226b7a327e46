package com.inmo.api.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

  static final String SECRET = "vapi-secret-0123456789";
  static final Instant NOW = Instant.parse("2026-12-01T13:00:00Z");
  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  static final byte[] BODY = "{\"message\":{\"type\":\"end-of-call-report\"}}".getBytes(StandardCharsets.UTF_8);

  static String hexHmac(String secret, String data) {
    return HexFormat.of().formatHex(WebhookSignatures.hmac(secret, data.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean vapi(String secretHeader, String authorization, String signature, String timestamp) {
    return WebhookSignatures.vapi(SECRET, secretHeader, authorization, signature, timestamp, BODY, NOW, FIVE_MINUTES)
        .ok();
  }

  @Test
  void vapiTakesItsSecretHeaderOrABearerToken() {
    assertThat(vapi(SECRET, null, null, null)).isTrue();
    assertThat(vapi(null, "Bearer " + SECRET, null, null)).isTrue();
    assertThat(vapi(null, "bearer " + SECRET, null, null)).isTrue();
    assertThat(vapi(SECRET + "x", null, null, null)).isFalse();
    assertThat(vapi(null, "Bearer " + SECRET.substring(1), null, null)).isFalse();
    assertThat(vapi(null, SECRET, null, null)).as("not a bearer token").isFalse();
    assertThat(vapi(null, null, null, null)).isFalse();
  }

  @Test
  void vapiTakesAnHmacOfTimestampAndBodyWithinFiveMinutes() {
    String ts = String.valueOf(NOW.getEpochSecond());
    String signed = ts + "." + new String(BODY, StandardCharsets.UTF_8);
    String hex = hexHmac(SECRET, signed);

    assertThat(vapi(null, null, hex, ts)).isTrue();
    assertThat(vapi(null, null, "sha256=" + hex.toUpperCase(), ts)).isTrue();
    assertThat(vapi(null, null, Base64.getEncoder().encodeToString(
        WebhookSignatures.hmac(SECRET, signed.getBytes(StandardCharsets.UTF_8))), ts)).isTrue();
    String ms = String.valueOf(NOW.toEpochMilli());
    assertThat(vapi(null, null, hexHmac(SECRET, ms + "." + new String(BODY, StandardCharsets.UTF_8)), ms))
        .as("milliseconds").isTrue();

    assertThat(vapi(null, null, hexHmac("another-secret", signed), ts)).as("wrong key").isFalse();
    assertThat(vapi(null, null, hexHmac(SECRET, new String(BODY, StandardCharsets.UTF_8)), ts))
        .as("body without the timestamp").isFalse();
    assertThat(vapi(null, null, hex, null)).as("no timestamp: replayable").isFalse();
    assertThat(vapi(null, null, hex, "yesterday")).isFalse();
  }

  @Test
  void vapiRefusesStaleAndFutureTimestamps() {
    for (Duration shift : new Duration[] {Duration.ofMinutes(-6), Duration.ofMinutes(6)}) {
      String ts = String.valueOf(NOW.plus(shift).getEpochSecond());
      String hex = hexHmac(SECRET, ts + "." + new String(BODY, StandardCharsets.UTF_8));
      assertThat(vapi(null, null, hex, ts)).as("shifted " + shift).isFalse();
    }
    String ts = String.valueOf(NOW.minus(Duration.ofMinutes(4)).getEpochSecond());
    assertThat(vapi(null, null, hexHmac(SECRET, ts + "." + new String(BODY, StandardCharsets.UTF_8)), ts)).isTrue();
  }

  @Test
  void blandTakesTheHexHmacOfTheRawBody() {
    String hex = hexHmac("bland-secret", new String(BODY, StandardCharsets.UTF_8));

    assertThat(WebhookSignatures.bland("bland-secret", hex, BODY).ok()).isTrue();
    assertThat(WebhookSignatures.bland("bland-secret", hex, "{\"message\":{}}".getBytes(StandardCharsets.UTF_8)).ok())
        .as("another body").isFalse();
    assertThat(WebhookSignatures.bland("bland-secret", hexHmac("x", "y"), BODY).ok()).isFalse();
    assertThat(WebhookSignatures.bland("bland-secret", null, BODY).ok()).isFalse();
  }

  @Test
  void withoutAConfiguredSecretNothingPasses() {
    assertThat(WebhookSignatures.vapi("", "", "Bearer ", null, null, BODY, NOW, FIVE_MINUTES).ok()).isFalse();
    assertThat(WebhookSignatures.vapi(null, null, null, null, null, BODY, NOW, FIVE_MINUTES).ok()).isFalse();
    assertThat(WebhookSignatures.bland("", hexHmac("x", new String(BODY, StandardCharsets.UTF_8)), BODY).ok())
        .isFalse();
  }
}
