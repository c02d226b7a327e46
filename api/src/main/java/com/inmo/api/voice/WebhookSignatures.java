package com.inmo.api.voice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The voice providers' webhook checks, run on the raw body before anything parses it. Every comparison is
 * constant-time ({@link MessageDigest#isEqual}). Without a configured secret nothing passes: an unsigned
 * request is never accepted.
 */
final class WebhookSignatures {

  /** Whether a request passes, and if not why (for the log and the 401's detail, never the secret). */
  record Verdict(boolean ok, String reason) {
    static final Verdict OK = new Verdict(true, "ok");

    static Verdict no(String reason) {
      return new Verdict(false, reason);
    }
  }

  private WebhookSignatures() {
  }

  /**
   * VAPI: any one of (1) {@code X-Vapi-Secret} equal to the secret (what an assistant's {@code server.secret}
   * or a {@code server.headers} entry sends), (2) {@code Authorization: Bearer <secret>} (a Bearer credential),
   * (3) {@code X-Vapi-Signature} = HMAC-SHA256(secret, timestamp + "." + raw body), hex or base64, optionally
   * prefixed {@code sha256=}, with {@code X-Vapi-Timestamp} (seconds or milliseconds since the epoch) within
   * {@code tolerance} of {@code now}. A signature without a timestamp is refused: it could be replayed forever.
   */
  static Verdict vapi(String secret, String secretHeader, String authorization, String signature, String timestamp,
                      byte[] body, Instant now, Duration tolerance) {
    if (secret == null || secret.isEmpty()) {
      return Verdict.no("VAPI_WEBHOOK_SECRET is not configured");
    }
    if (secretHeader != null && equal(secret, secretHeader.trim())) {
      return Verdict.OK;
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && equal(secret, authorization.substring(7).trim())) {
      return Verdict.OK;
    }
    if (signature != null && !signature.isBlank()) {
      if (timestamp == null || timestamp.isBlank()) {
        return Verdict.no("X-Vapi-Signature without X-Vapi-Timestamp");
      }
      Instant at = epoch(timestamp.trim());
      if (at == null) {
        return Verdict.no("X-Vapi-Timestamp is not a number");
      }
      if (Duration.between(at, now).abs().compareTo(tolerance) > 0) {
        return Verdict.no("X-Vapi-Timestamp is more than " + tolerance.toMinutes() + " minutes away from now");
      }
      byte[] signed = concat((timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8), body);
      return signatureMatches(hmac(secret, signed), signature)
          ? Verdict.OK : Verdict.no("X-Vapi-Signature does not match");
    }
    return Verdict.no("no X-Vapi-Secret, bearer token or X-Vapi-Signature");
  }

  /** Bland: {@code X-Webhook-Signature} = hex HMAC-SHA256(secret, raw body). Bland signs no timestamp. */
  static Verdict bland(String secret, String signature, byte[] body) {
    if (secret == null || secret.isEmpty()) {
      return Verdict.no("BLAND_WEBHOOK_SECRET is not configured");
    }
    if (signature == null || signature.isBlank()) {
      return Verdict.no("no X-Webhook-Signature");
    }
    return signatureMatches(hmac(secret, body), signature)
        ? Verdict.OK : Verdict.no("X-Webhook-Signature does not match");
  }

  static byte[] hmac(String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data == null ? new byte[0] : data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The given signature as hex (any case) or base64, with or without a {@code sha256=} prefix. */
  private static boolean signatureMatches(byte[] expected, String given) {
    String g = given.trim();
    if (g.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
      g = g.substring(7);
    }
    boolean hex = MessageDigest.isEqual(HexFormat.of().formatHex(expected).getBytes(StandardCharsets.US_ASCII),
        g.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    boolean base64 = MessageDigest.isEqual(Base64.getEncoder().encode(expected),
        g.getBytes(StandardCharsets.US_ASCII));
    return hex | base64;
  }

  private static boolean equal(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static Instant epoch(String timestamp) {
    try {
      long value = Long.parseLong(timestamp);
      return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] body = b == null ? new byte[0] : b;
    byte[] out = new byte[a.length + body.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(body, 0, out, a.length, body.length);
    return out;
  }
}
