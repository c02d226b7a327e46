package com.inmo.api.leads.intake;

import com.inmo.workflows.lead.QualificationFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@link NewLead} checked and normalised: the phone in E.164, the email in lower case, tags trimmed and
 * unique. {@link #of} answers the first reason a lead cannot be taken as it is.
 */
record LeadCandidate(String name, String phone, String email, List<String> tags, String source,
                     QualificationFields fields) {

  static final int MAX_NAME = 200;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 50;
  static final int MAX_SOURCE = 100;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");

  /** The candidate, or the reason it is refused (a sentence for the agent). */
  sealed interface Checked permits Valid, Invalid {
  }

  record Valid(LeadCandidate lead) implements Checked {
  }

  record Invalid(String reason) implements Checked {
  }

  static Checked of(NewLead in, String defaultSource) {
    String name = blankToNull(in.name());
    if (name == null) {
      return new Invalid("missing name");
    }
    if (name.length() > MAX_NAME) {
      return new Invalid("name longer than " + MAX_NAME + " characters");
    }
    String rawPhone = blankToNull(in.phone());
    String rawEmail = blankToNull(in.email());
    if (rawPhone == null && rawEmail == null) {
      return new Invalid("missing phone and email");
    }
    String phone = null;
    if (rawPhone != null) {
      phone = PhoneNumbers.e164(rawPhone).orElse(null);
      if (phone == null) {
        return new Invalid("invalid phone '" + rawPhone + "'");
      }
    }
    String email = rawEmail == null ? null : rawEmail.toLowerCase(Locale.ROOT);
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      return new Invalid("invalid email '" + rawEmail + "'");
    }
    List<String> tags = new ArrayList<>();
    if (in.tags() != null) {
      for (String tag : in.tags()) {
        String t = blankToNull(tag);
        if (t != null && !tags.contains(t)) {
          if (t.length() > MAX_TAG) {
            return new Invalid("tag longer than " + MAX_TAG + " characters");
          }
          tags.add(t);
        }
      }
    }
    if (tags.size() > MAX_TAGS) {
      return new Invalid("more than " + MAX_TAGS + " tags");
    }
    String source = blankToNull(in.source()) == null ? defaultSource : in.source().trim();
    if (source.length() > MAX_SOURCE) {
      return new Invalid("source longer than " + MAX_SOURCE + " characters");
    }
    if ((in.bedrooms() != null && in.bedrooms() < 0) || (in.budgetClp() != null && in.budgetClp() < 0)
        || (in.monthlyIncomeClp() != null && in.monthlyIncomeClp() < 0)) {
      return new Invalid("bedrooms, budgetClp and monthlyIncomeClp must not be negative");
    }
    QualificationFields fields = new QualificationFields(name, phone, email, blankToNull(in.zone()),
        blankToNull(in.propertyType()), in.bedrooms(), in.budgetClp(), in.monthlyIncomeClp(), null,
        blankToNull(in.timeline()));
    return new Valid(new LeadCandidate(name, phone, email, List.copyOf(tags), source, fields));
  }

  /** The phone's digits, as duplicates are compared (whatever punctuation an older row keeps). */
  String phoneDigits() {
    return phone == null ? null : phone.replaceAll("[^0-9]", "");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
