package com.inmo.activities.agent.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.inmo.activities.agent.offline.SpanishFieldExtractor;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.agent.Sentiment;
import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a model's JSON into the contract's records and refuses anything the workflow must not act on:
 * JSON that does not parse, a missing reply, an unknown intent or sentiment, a flag that is not a boolean,
 * a chosen slot that was not offered, a field of the wrong type or out of range, and a reply that
 * promises or suggests credit approval to a lead in DICOM ({@link CreditPromiseRule}). Each problem is
 * phrased for the model, since the list is sent back once as the repair instruction.
 */
public final class OutputValidator {

  /** The outcome of reading one answer: a value when valid, else the problems found. */
  public record Verdict<T>(T value, List<String> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /** A call summary for a voice transcript. */
  public record Summary(String summary, QualificationFields extracted) {
  }

  static final int MAX_REPLY_CHARS = 1_500;
  static final int MAX_SUMMARY_CHARS = 2_000;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern EMAIL =
      Pattern.compile("^[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)*\\.[\\p{L}]{2,}$");
  private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L}\\p{M} .'’-]{0,59}$");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final long clpPerUf;

  public OutputValidator() {
    this(SpanishFieldExtractor.DEFAULT_CLP_PER_UF);
  }

  /** @param clpPerUf pesos per UF used to convert a {@code budgetUf} answer */
  public OutputValidator(long clpPerUf) {
    if (clpPerUf <= 0) {
      throw new IllegalArgumentException("clpPerUf must be positive");
    }
    this.clpPerUf = clpPerUf;
  }

  public Verdict<AgentTurnResult> turn(String json, AgentTurnRequest request) {
    List<String> problems = new ArrayList<>();
    JsonNode root = parse(json, problems);
    if (root == null) {
      return new Verdict<>(null, problems);
    }
    String reply = text(root, "reply", problems, MAX_REPLY_CHARS);
    if (reply == null && problems.isEmpty()) {
      problems.add("\"reply\" is required and must be a non-empty string");
    }
    Intent intent = enumValue(root, "intent", Intent.class, true, problems);
    Sentiment sentiment = enumValue(root, "sentiment", Sentiment.class, true, problems);
    boolean wantsHuman = flag(root, "wantsHuman", problems);
    boolean wantsCall = flag(root, "wantsCall", problems);
    boolean wantsVisit = flag(root, "wantsVisit", problems);
    boolean optOut = flag(root, "optOut", problems);
    Instant chosen = slot(root.get("chosenSlot"), request.offeredSlots(), problems);
    QualificationFields extracted = fields(root.get("extracted"), problems);

    if (reply != null) {
      QualificationFields known = request.fields().mergedWith(extracted);
      if (known.dicom() == DicomStatus.DIRTY) {
        Optional<String> promise = CreditPromiseRule.violation(reply);
        promise.ifPresent(sentence -> problems.add("the lead is in DICOM (dicom = DIRTY): the reply must not promise"
            + " or suggest credit approval, and must avoid words like aprobado/garantizado/asegurado; offending"
            + " sentence: \"" + sentence + "\""));
      }
    }
    if (!problems.isEmpty()) {
      return new Verdict<>(null, List.copyOf(problems));
    }
    return new Verdict<>(new AgentTurnResult(reply.strip(), extracted, intent, sentiment, wantsHuman, wantsCall,
        wantsVisit || chosen != null, chosen, optOut), List.of());
  }

  public Verdict<Summary> summary(String json) {
    List<String> problems = new ArrayList<>();
    JsonNode root = parse(json, problems);
    if (root == null) {
      return new Verdict<>(null, problems);
    }
    String summary = text(root, "summary", problems, MAX_SUMMARY_CHARS);
    if (summary == null && problems.isEmpty()) {
      problems.add("\"summary\" is required and must be a non-empty string");
    }
    QualificationFields extracted = fields(root.get("extracted"), problems);
    if (!problems.isEmpty()) {
      return new Verdict<>(null, List.copyOf(problems));
    }
    return new Verdict<>(new Summary(summary.strip(), extracted), List.of());
  }

  private static JsonNode parse(String json, List<String> problems) {
    if (json == null || json.isBlank()) {
      problems.add("the answer was empty: return exactly one JSON object");
      return null;
    }
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        problems.add("the answer must be one JSON object");
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      problems.add("the answer is not valid JSON (" + e.getOriginalMessage() + "): return exactly one JSON object");
      return null;
    }
  }

  private static String text(JsonNode root, String key, List<String> problems, int maxChars) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      problems.add("\"" + key + "\" must be a non-empty string");
      return null;
    }
    if (node.asText().length() > maxChars) {
      problems.add("\"" + key + "\" is too long (" + node.asText().length() + " characters, at most " + maxChars + ")");
      return null;
    }
    return node.asText();
  }

  private static <E extends Enum<E>> E enumValue(JsonNode root, String key, Class<E> type, boolean required,
                                                 List<String> problems) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      if (required) {
        problems.add("\"" + key + "\" is required: one of " + List.of(type.getEnumConstants()));
      }
      return null;
    }
    if (node.isTextual()) {
      try {
        return Enum.valueOf(type, node.asText().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    problems.add("\"" + key + "\" must be one of " + List.of(type.getEnumConstants()) + ", got " + node);
    return null;
  }

  private static boolean flag(JsonNode root, String key, List<String> problems) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      problems.add("\"" + key + "\" must be true or false, got " + node);
      return false;
    }
    return node.booleanValue();
  }

  private static Instant slot(JsonNode node, List<Instant> offered, List<String> problems) {
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add("\"chosenSlot\" must be a string copied from the offered slots, or \"\"");
      return null;
    }
    Instant chosen;
    try {
      chosen = OffsetDateTime.parse(node.asText().trim()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        chosen = Instant.parse(node.asText().trim());
      } catch (DateTimeParseException again) {
        problems.add("\"chosenSlot\" is not an ISO-8601 instant: " + node);
        return null;
      }
    }
    if (!offered.contains(chosen)) {
      problems.add("\"chosenSlot\" " + node + " is not one of the offered slots " + offered
          + ": pick one of them exactly, or leave it empty");
      return null;
    }
    return chosen;
  }

  private QualificationFields fields(JsonNode node, List<String> problems) {
    if (node == null || node.isNull()) {
      return QualificationFields.EMPTY;
    }
    if (!node.isObject()) {
      problems.add("\"extracted\" must be an object");
      return QualificationFields.EMPTY;
    }
    int before = problems.size();
    String name = string(node, "name", 60, problems);
    if (name != null && !NAME.matcher(name).matches()) {
      problems.add("extracted.name must be a person's name (letters only), got \"" + name + "\"");
      name = null;
    }
    String phone = phone(string(node, "phone", 30, problems), problems);
    String email = string(node, "email", 120, problems);
    if (email != null && !EMAIL.matcher(email).matches()) {
      problems.add("extracted.email is not an e-mail address: \"" + email + "\"");
      email = null;
    } else if (email != null) {
      email = email.toLowerCase(Locale.ROOT);
    }
    String zone = string(node, "zone", 60, problems);
    String propertyType = string(node, "propertyType", 40, problems);
    Long bedrooms = integer(node, "bedrooms", 0, 20, problems);
    // models often write 0 for "not said": no budget or income is ever zero, so 0 reads as unknown
    Long budget = zeroIsUnknown(integer(node, "budgetClp", 0L, 100_000_000_000L, problems), 100_000L, "budgetClp",
        problems);
    Double uf = number(node, "budgetUf", 0, 1_000_000, problems);
    uf = uf == null || uf == 0 ? null : uf;
    Long income = zeroIsUnknown(integer(node, "monthlyIncomeClp", 0L, 1_000_000_000L, problems), 50_000L,
        "monthlyIncomeClp", problems);
    DicomStatus dicom = enumValue(node, "dicom", DicomStatus.class, false, problems);
    String timeline = string(node, "timeline", 40, problems);
    if (problems.size() > before) {
      return QualificationFields.EMPTY;
    }
    if (uf != null) {
      budget = Math.round(uf * clpPerUf); // our conversion, not the model's arithmetic
    }
    return new QualificationFields(name == null ? null : name.strip(), phone, email, zone,
        propertyType == null ? null : propertyType.toLowerCase(Locale.ROOT), bedrooms == null ? null
        : bedrooms.intValue(), budget, income, dicom, timeline);
  }

  private static String string(JsonNode node, String key, int maxChars, List<String> problems) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add("extracted." + key + " must be a string, got " + value);
      return null;
    }
    String s = value.asText().strip();
    if (s.isEmpty()) {
      return null;
    }
    if (s.length() > maxChars) {
      problems.add("extracted." + key + " is too long (at most " + maxChars + " characters)");
      return null;
    }
    return s;
  }

  private static Long integer(JsonNode node, String key, long min, long max, List<String> problems) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    boolean integral = value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
    if (!integral) {
      problems.add("extracted." + key + " must be a whole number, got " + value);
      return null;
    }
    long n = value.asLong();
    if (n < min || n > max) {
      problems.add("extracted." + key + " must be between " + min + " and " + max + ", got " + n);
      return null;
    }
    return n;
  }

  private static Long zeroIsUnknown(Long value, long min, String key, List<String> problems) {
    if (value == null || value == 0) {
      return null;
    }
    if (value < min) {
      problems.add("extracted." + key + " must be at least " + min + " pesos (0 or absent when unknown), got " + value);
      return null;
    }
    return value;
  }

  private static Double number(JsonNode node, String key, double min, double max, List<String> problems) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      problems.add("extracted." + key + " must be a number, got " + value);
      return null;
    }
    double n = value.asDouble();
    if (n < min || n > max) {
      problems.add("extracted." + key + " must be between " + min + " and " + max + ", got " + n);
      return null;
    }
    return n;
  }

  /** E.164 ("+56912345678"), Chile assumed when no country code is given. */
  private static String phone(String raw, List<String> problems) {
    if (raw == null) {
      return null;
    }
    try {
      PhoneNumber parsed = PHONES.parse(raw, "CL");
      if (PHONES.isValidNumber(parsed)) {
        return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
      }
    } catch (NumberParseException e) {
      // reported below
    }
    problems.add("extracted.phone is not a valid phone number: \"" + raw + "\"");
    return null;
  }
}
