package com.inmo.api.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals broker credentials (bot tokens, webhook secrets, calendar refresh tokens) for the database: AES-256-GCM under a key derived
 * from {@code SECRET_KEY} with HKDF-SHA256, so a dump of the database alone reveals no token. The key is
 * not the JWT signing key (a distinct HKDF "info"), so neither use can weaken the other.
 *
 * <p>Sealed form: {@code 0x01 | 12-byte random nonce | ciphertext and 16-byte tag}. The associated data
 * binds a value to its row and column: a token copied into another broker's row, or into the secret
 * column, no longer opens.
 *
 * <p>Rotating {@code SECRET_KEY} makes stored credentials unreadable: brokers reconnect their bot. Without
 * a {@code SECRET_KEY} (dev only; production refuses to start) the key is random for this run.
 */
@Component
public class CredentialCipher {

  private static final Logger log = LoggerFactory.getLogger(CredentialCipher.class);
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] SALT = "inmo/credentials/salt/v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] INFO = "inmo broker credentials AES-256-GCM v1".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  public CredentialCipher(@Value("${inmo.secret-key:}") String secretKey) {
    byte[] material;
    if (secretKey == null || secretKey.isBlank()) {
      log.warn("SECRET_KEY is not set: broker credentials are sealed with a random key for this run only");
      material = new byte[32];
      RANDOM.nextBytes(material);
    } else {
      material = secretKey.getBytes(StandardCharsets.UTF_8);
    }
    this.key = new SecretKeySpec(hkdfSha256(material, SALT, INFO, 32), "AES");
  }

  public byte[] seal(String plain, String associatedData) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The plain text; an {@link IllegalArgumentException} when the value was tampered with or sealed otherwise. */
  public String open(byte[] sealed, String associatedData) {
    if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new IllegalArgumentException("Not a sealed credential of this version");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException(
          "The credential does not open with this SECRET_KEY (changed, or tampered with)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** RFC 5869 HKDF with HMAC-SHA256 (extract, then expand to {@code length} bytes). */
  public static byte[] hkdfSha256(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] prk = mac.doFinal(inputKeyMaterial);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      byte[] out = new byte[length];
      byte[] block = new byte[0];
      int filled = 0;
      for (int i = 1; filled < length; i++) {
        mac.update(block);
        mac.update(info);
        mac.update((byte) i);
        block = mac.doFinal();
        int n = Math.min(block.length, length - filled);
        System.arraycopy(block, 0, out, filled, n);
        filled += n;
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
