package com.inmo.api.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One bot as the webhook sees it: the broker its leads belong to, the key its {@code update_id}s are unique
 * under, and its webhook secret.
 *
 * @param brokerSlug the broker whose lead workflows this bot's chats start
 * @param botKey     the bot's numeric id (the token's prefix): update ids count per bot, so two bots (or a
 *                   broker's replaced bot) never share de-duplication keys
 */
record BotCredentials(String brokerSlug, String botKey, String webhookSecret) {

  /** Constant time, and the lengths hidden too (both sides hashed first). Nothing matches a blank secret. */
  boolean secretMatches(String given) {
    if (webhookSecret == null || webhookSecret.isEmpty() || given == null || given.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(sha256(webhookSecret), sha256(given));
  }

  /** The bot id in {@code 123456789:AA…}, or the fallback when the token is missing or shaped otherwise. */
  static String botKey(String token, String fallback) {
    if (token != null) {
      int colon = token.indexOf(':');
      if (colon > 0 && token.substring(0, colon).chars().allMatch(Character::isDigit)) {
        return token.substring(0, colon);
      }
    }
    return fallback;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "BotCredentials[" + brokerSlug + ", bot " + botKey + "]"; // never the secret in a log
  }
}
