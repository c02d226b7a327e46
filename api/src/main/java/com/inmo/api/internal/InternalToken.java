package com.inmo.api.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The worker's shared {@code INTERNAL_API_TOKEN}, compared in constant time; none configured: nothing matches. */
public final class InternalToken {

  private final byte[] expected;

  public InternalToken(String token) {
    this.expected = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
  }

  public boolean matches(String given) {
    return expected.length > 0 && given != null
        && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
  }
}
