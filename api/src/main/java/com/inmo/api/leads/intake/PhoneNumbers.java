package com.inmo.api.leads.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers as typed by people ("9 1234 5678", "+56 9 …") to E.164, read as Chilean unless they say otherwise. */
final class PhoneNumbers {

  static final String DEFAULT_REGION = "CL";
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {
  }

  /** {@code +56912345678}, or empty when the text is not a valid number. */
  static Optional<String> e164(String raw) {
    if (raw == null || raw.isBlank() || raw.length() > 40) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = UTIL.parse(raw.trim(), DEFAULT_REGION);
      return UTIL.isValidNumber(number)
          ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
