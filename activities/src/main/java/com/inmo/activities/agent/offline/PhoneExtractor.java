package com.inmo.activities.agent.offline;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the lead's phone number and normalises it to E.164 with libphonenumber, Chile as the default
 * region ("9 8765 4321" becomes "+56987654321"; "+54 9 11 1234-5678" keeps its own country). Only numbers
 * libphonenumber considers valid are kept: a typo must not become a number the broker calls. Amounts
 * ("$450.000.000") and RUTs ("12.345.678-5") can look like valid numbers, so they are skipped.
 */
final class PhoneExtractor {

  /** A phone found: its E.164 form and where its text was, so other rules can ignore those digits. */
  record Phone(String e164, int start, int end) {
  }

  private static final String DEFAULT_REGION = "CL";
  private static final Pattern DOTTED_NUMBER = Pattern.compile("\\d{1,3}(\\.\\d{3})+(-[\\dkK])?");
  private static final Pattern MONEY_AFTER = Pattern.compile(
      "^\\s*(uf|u\\.f\\.|millones|millon|mill[oó]n|pesos|clp|lucas|palos|mil|mm)\\b");

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  /** The first valid phone in {@code text}, or null. */
  Phone extract(String text) {
    for (PhoneNumberMatch match : util.findNumbers(text, DEFAULT_REGION, PhoneNumberUtil.Leniency.VALID,
        Long.MAX_VALUE)) {
      if (looksLikeMoneyOrId(text, match)) {
        continue;
      }
      return new Phone(util.format(match.number(), PhoneNumberFormat.E164), match.start(), match.end());
    }
    return null;
  }

  private static boolean looksLikeMoneyOrId(String text, PhoneNumberMatch match) {
    if (DOTTED_NUMBER.matcher(match.rawString()).matches()) {
      return true;
    }
    String before = text.substring(0, match.start()).stripTrailing();
    if (before.endsWith("$")) {
      return true;
    }
    String after = text.substring(match.end()).toLowerCase(Locale.ROOT);
    return MONEY_AFTER.matcher(after).find();
  }
}
