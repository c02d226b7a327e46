package com.inmo.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

  static final String KEY = "a-production-secret-key-of-32-chars!";

  @Test
  void hkdfMatchesRfc5869TestCase1() {
    HexFormat hex = HexFormat.of();
    byte[] okm = CredentialCipher.hkdfSha256(hex.parseHex("0b".repeat(22)), hex.parseHex("000102030405060708090a0b0c"),
        hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

    assertThat(hex.formatHex(okm)).isEqualTo(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void aSealedValueOpensWithTheSameKeyAndRowOnly() {
    CredentialCipher cipher = new CredentialCipher(KEY);
    String row = "broker_telegram:token:" + UUID.randomUUID();
    byte[] sealed = cipher.seal("7100000042:AAFsecretbotkey", row);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("AAFsecretbotkey");
    assertThat(cipher.seal("7100000042:AAFsecretbotkey", row)).as("a fresh nonce each time").isNotEqualTo(sealed);
    assertThat(cipher.open(sealed, row)).isEqualTo("7100000042:AAFsecretbotkey");
    assertThat(new CredentialCipher(KEY).open(sealed, row)).as("the key derives from SECRET_KEY alone")
        .isEqualTo("7100000042:AAFsecretbotkey");

    assertThatThrownBy(() -> new CredentialCipher(KEY + "x").open(sealed, row))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.open(sealed, "broker_telegram:token:" + UUID.randomUUID()))
        .as("copied into another broker's row").isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.open(sealed, row.replace(":token:", ":secret:")))
        .as("copied into the other column").isInstanceOf(IllegalArgumentException.class);
    byte[] tampered = sealed.clone();
    tampered[20] ^= 1;
    assertThatThrownBy(() -> cipher.open(tampered, row)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.open(new byte[5], row)).isInstanceOf(IllegalArgumentException.class);
  }
}
