package com.inmo.activities.voice;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.inmo.workflows.call.CallFailures;
import io.temporal.failure.ApplicationFailure;

/**
 * A lead's number to E.164 before any provider sees it ("9 8765 4321" with region CL is "+56987654321"; a number
 * with its own {@code +} prefix keeps its country). A number libphonenumber does not consider valid never reaches
 * a provider: the activity fails at once, without retries, and the call ends FAILED.
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {
  }

  /** The E.164 form, or a non-retryable {@code InvalidPhoneNumber} failure. */
  public static String e164(String raw, String region) {
    if (raw != null && !raw.isBlank() && raw.length() <= 40) {
      try {
        PhoneNumber number = UTIL.parse(raw.trim(), region);
        if (UTIL.isValidNumber(number)) {
          return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        }
      } catch (NumberParseException e) {
        // falls through to the failure
      }
    }
    throw ApplicationFailure.newNonRetryableFailure(CallFailures.INVALID_PHONE_NUMBER_REASON + " " + masked(raw)
        + " (read as a number of " + region + ")", CallFailures.INVALID_PHONE_NUMBER);
  }

  /** The number with all but its last three digits hidden: enough to recognise it in a log, no more. */
  static String masked(String raw) {
    if (raw == null || raw.isBlank()) {
      return "(none)";
    }
    String digits = raw.replaceAll("[^0-9]", "");
    if (digits.length() <= 3) {
      return "'" + "*".repeat(digits.length()) + "'";
    }
    return "'" + "*".repeat(Math.min(12, digits.length() - 3)) + digits.substring(digits.length() - 3) + "'";
  }
}
