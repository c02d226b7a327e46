package com.inmo.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a password must be: at least 8 characters with a digit and a symbol (anything neither a letter,
 * a digit nor a space), and at most 72 bytes, bcrypt's limit (beyond it bcrypt would ignore the rest).
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_BYTES = 72;

  private PasswordRules() {
  }

  /** Every rule the password breaks, each as a sentence; empty when it is acceptable. */
  public static List<String> violations(String password) {
    List<String> broken = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      broken.add("the password is required");
      return broken;
    }
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      broken.add("the password must be at least " + MIN_LENGTH + " characters long");
    }
    if (password.codePoints().noneMatch(Character::isDigit)) {
      broken.add("the password must contain a digit (0-9)");
    }
    if (password.codePoints().noneMatch(PasswordRules::isSymbol)) {
      broken.add("the password must contain a symbol (a character that is neither a letter, a digit nor a space,"
          + " such as # ! - _ .)");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      broken.add("the password must be at most " + MAX_BYTES + " bytes long");
    }
    return broken;
  }

  /** The rules broken in one sentence ("Password rejected: …"), or null when there are none. */
  public static String problem(String password) {
    List<String> broken = violations(password);
    return broken.isEmpty() ? null : "Password rejected: " + String.join("; ", broken);
  }

  private static boolean isSymbol(int c) {
    return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
  }
}
