package com.inmo.activities.calendar.google;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * A visit's Google event id, derived from the appointment id so that every retry of a booking names the same
 * event: Google takes ids of 5–1024 characters from base32hex's alphabet ({@code 0-9a-v}), so the id is the
 * base32hex encoding (RFC 4648 §7, lowercase, without padding) of the UUID's 16 bytes: 26 characters.
 * A second insert of the id answers 409 ("The requested identifier already exists").
 */
public final class GoogleEventIds {

  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

  private GoogleEventIds() {
  }

  public static String of(UUID appointmentId) {
    byte[] bytes = ByteBuffer.allocate(16).putLong(appointmentId.getMostSignificantBits())
        .putLong(appointmentId.getLeastSignificantBits()).array();
    StringBuilder out = new StringBuilder(26);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]); // the last 3 bits, padded with zero bits
    }
    return out.toString();
  }
}
