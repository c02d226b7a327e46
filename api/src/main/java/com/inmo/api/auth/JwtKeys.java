package com.inmo.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS256 key from {@code SECRET_KEY}. Production insists on 32+ characters (checked at start-up) and
 * uses them as they are; in dev a shorter key is stretched with SHA-256, and a missing one is replaced
 * by a random key for this run only (tokens then die with the process, which dev mode accepts).
 */
final class JwtKeys {

  private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);

  private JwtKeys() {
  }

  static SecretKey hmacKey(String secret) {
    if (secret == null || secret.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      log.warn("SECRET_KEY is not set: signing tokens with a random key for this run only");
      secret = Base64.getEncoder().encodeToString(random);
    }
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 32) {
      bytes = sha256(bytes);
    }
    return new SecretKeySpec(bytes, "HmacSHA256");
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
