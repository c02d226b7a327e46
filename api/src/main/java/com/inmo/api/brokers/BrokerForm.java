package com.inmo.api.brokers;

import com.inmo.workflows.scoring.ScoreThresholds;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A broker as the dashboard sends it. {@code settings} has the very shape of the {@code brokers.settings}
 * document that {@link BrokerSettings} reads for the worker, so what is stored is what is read.
 *
 * <p>Creating: {@code slug} and {@code name} are required, the rest has defaults. Updating: a field left out
 * keeps its value; {@code settings}, when given, replaces the settings as a whole (a setting left out falls
 * back to its default).
 */
@Schema(description = "A broker (tenant) and its settings")
public record BrokerForm(
    @Schema(description = "URL name, lower case letters, digits and '-'; fixed once created", example = "acme")
    String slug,
    @Schema(example = "Corredora Acme") String name,
    @Schema(description = "IANA time zone", example = "America/Santiago") String timeZone,
    @Schema(description = "The AI agent's name", example = "Sofía") String personaName,
    @Schema(description = "The AI agent's tone", example = "cercano y profesional") String personaTone,
    @Schema(description = "Whether the broker runs (superadmin only)") Boolean active,
    Settings settings) {

  static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
  static final String DEFAULT_TIME_ZONE = "America/Santiago";
  static final String DEFAULT_PERSONA_NAME = "Sofía";
  static final String DEFAULT_PERSONA_TONE = "cercano y profesional";
  /** The settings keys this form owns; any other key in a stored document is kept as it is. */
  static final List<String> MANAGED_KEYS = List.of("zones", "businessHours", "thresholds", "followUpCadence",
      "callsPerLeadPerDay", "callsPerLeadTotal", "callRetryDelay", "notifyTelegramChatId", "callsPerBrokerPerHour",
      "country", "llmDailyTurns", "llmDailyBudgetUsd");

  @Schema(description = "Settings the lead workflows read before each step")
  public record Settings(
      @Schema(description = "Zones the broker serves", example = "[\"Providencia\", \"Ñuñoa\"]") List<String> zones,
      BusinessHours businessHours,
      Thresholds thresholds,
      @Schema(description = "Follow-up delays after the AI last wrote, ISO-8601 durations; the last one closes "
          + "the lead", example = "[\"PT10M\", \"PT24H\", \"PT72H\", \"PT168H\"]") List<String> followUpCadence,
      @Schema(description = "Voice call attempts per lead per day (1–20)", example = "3") Integer callsPerLeadPerDay,
      @Schema(description = "Voice call attempts per lead in all (1–100)", example = "6") Integer callsPerLeadTotal,
      @Schema(description = "Wait between call attempts, ISO-8601", example = "PT2H") String callRetryDelay,
      @Schema(description = "Telegram chat or group id for team notifications", example = "-1001234567890")
      Long notifyTelegramChatId,
      @Schema(description = "Voice calls of the whole broker in any hour (1–1000; calls cost money)", example = "20")
      Integer callsPerBrokerPerHour,
      @Schema(description = "ISO 3166 country whose numbering a lead's phone without +prefix follows; default: the "
          + "time zone's country, else CL", example = "CL") String country,
      @Schema(description = "Model turns a day (1–1,000,000) before the AI hands new messages to the team; the "
          + "broker's calendar day", example = "2000") Long llmDailyTurns,
      @Schema(description = "Estimated model cost a day in US$ (over 0, up to 100,000) before the AI hands new "
          + "messages to the team", example = "20") java.math.BigDecimal llmDailyBudgetUsd) {
  }

  @Schema(description = "When the AI may write on its own: always, or per weekday [open, close) local times; "
      + "a weekday left out is closed", example = "{\"alwaysOpen\": false, \"days\": {\"MONDAY\": [\"09:00\", \"19:00\"]}}")
  public record BusinessHours(Boolean alwaysOpen, Map<String, List<String>> days) {
  }

  @Schema(description = "Score boundaries; they must rise: 0 ≤ coldMax < warmMax ≤ hotMin ≤ qualifiedMin ≤ 100")
  public record Thresholds(@Schema(example = "20") Integer coldMax, @Schema(example = "50") Integer warmMax,
                           @Schema(example = "50") Integer hotMin, @Schema(example = "75") Integer qualifiedMin) {
  }

  /** The checked, normalised settings document ({@link #MANAGED_KEYS} only), or the problems found. */
  static Map<String, Object> settingsDocument(Settings s, List<String> problems) {
    Map<String, Object> doc = new LinkedHashMap<>();
    if (s == null) {
      return doc;
    }
    if (s.zones() != null) {
      LinkedHashSet<String> zones = new LinkedHashSet<>();
      for (String zone : s.zones()) {
        if (zone == null || zone.isBlank() || zone.length() > 100) {
          problems.add("settings.zones: each zone must be 1–100 characters");
        } else {
          zones.add(zone.trim());
        }
      }
      doc.put("zones", List.copyOf(zones));
    }
    if (s.businessHours() != null) {
      doc.put("businessHours", hours(s.businessHours(), problems));
    }
    if (s.thresholds() != null) {
      Thresholds t = s.thresholds();
      if (t.coldMax() == null || t.warmMax() == null || t.hotMin() == null || t.qualifiedMin() == null) {
        problems.add("settings.thresholds: give all of coldMax, warmMax, hotMin and qualifiedMin");
      } else {
        try {
          new ScoreThresholds(t.coldMax(), t.warmMax(), t.hotMin(), t.qualifiedMin());
          Map<String, Object> th = new LinkedHashMap<>();
          th.put("coldMax", t.coldMax());
          th.put("warmMax", t.warmMax());
          th.put("hotMin", t.hotMin());
          th.put("qualifiedMin", t.qualifiedMin());
          doc.put("thresholds", th);
        } catch (IllegalArgumentException e) {
          problems.add("settings.thresholds: " + e.getMessage()
              + " (0 ≤ coldMax < warmMax ≤ hotMin ≤ qualifiedMin ≤ 100)");
        }
      }
    }
    if (s.followUpCadence() != null) {
      List<String> cadence = new ArrayList<>();
      if (s.followUpCadence().size() > 10) {
        problems.add("settings.followUpCadence: at most 10 follow-ups");
      }
      for (String text : s.followUpCadence()) {
        Duration d = duration("settings.followUpCadence", text, problems);
        if (d != null) {
          cadence.add(d.toString());
        }
      }
      doc.put("followUpCadence", cadence);
    }
    Integer perDay = s.callsPerLeadPerDay();
    Integer total = s.callsPerLeadTotal();
    if (perDay != null) {
      if (perDay < 1 || perDay > 20) {
        problems.add("settings.callsPerLeadPerDay: must be between 1 and 20");
      }
      doc.put("callsPerLeadPerDay", perDay);
    }
    if (total != null) {
      if (total < 1 || total > 100) {
        problems.add("settings.callsPerLeadTotal: must be between 1 and 100");
      }
      doc.put("callsPerLeadTotal", total);
    }
    if (perDay != null && total != null && perDay > total) {
      problems.add("settings.callsPerLeadPerDay: cannot exceed callsPerLeadTotal");
    }
    if (s.callRetryDelay() != null) {
      Duration d = duration("settings.callRetryDelay", s.callRetryDelay(), problems);
      if (d != null) {
        doc.put("callRetryDelay", d.toString());
      }
    }
    if (s.notifyTelegramChatId() != null) {
      if (s.notifyTelegramChatId() == 0) {
        problems.add("settings.notifyTelegramChatId: 0 is not a Telegram chat id");
      }
      doc.put("notifyTelegramChatId", s.notifyTelegramChatId());
    }
    if (s.callsPerBrokerPerHour() != null) {
      if (s.callsPerBrokerPerHour() < 1 || s.callsPerBrokerPerHour() > 1000) {
        problems.add("settings.callsPerBrokerPerHour: must be between 1 and 1000");
      }
      doc.put("callsPerBrokerPerHour", s.callsPerBrokerPerHour());
    }
    if (s.llmDailyTurns() != null) {
      if (s.llmDailyTurns() < 1 || s.llmDailyTurns() > com.inmo.api.llm.LlmBudgetSettings.MAX_TURNS) {
        problems.add("settings.llmDailyTurns: must be between 1 and 1000000");
      }
      doc.put("llmDailyTurns", s.llmDailyTurns());
    }
    if (s.llmDailyBudgetUsd() != null) {
      if (s.llmDailyBudgetUsd().signum() <= 0
          || s.llmDailyBudgetUsd().compareTo(com.inmo.api.llm.LlmBudgetSettings.MAX_USD) > 0) {
        problems.add("settings.llmDailyBudgetUsd: must be more than 0 and at most 100000 (US$)");
      }
      doc.put("llmDailyBudgetUsd", s.llmDailyBudgetUsd());
    }
    if (s.country() != null) {
      String region = com.inmo.api.voice.VoiceSettings.knownRegion(s.country());
      if (region == null) {
        problems.add("settings.country: '" + s.country() + "' is not an ISO 3166 country code with phone numbers");
      } else {
        doc.put("country", region);
      }
    }
    return doc;
  }

  private static Map<String, Object> hours(BusinessHours h, List<String> problems) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (Boolean.TRUE.equals(h.alwaysOpen())) {
      out.put("alwaysOpen", true);
      return out;
    }
    out.put("alwaysOpen", false);
    Map<DayOfWeek, List<String>> days = new java.util.EnumMap<>(DayOfWeek.class);
    if (h.days() != null) {
      for (Map.Entry<String, List<String>> day : h.days().entrySet()) {
        DayOfWeek weekday;
        try {
          weekday = DayOfWeek.valueOf(day.getKey().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problems.add("settings.businessHours.days: '" + day.getKey() + "' is not a weekday (MONDAY … SUNDAY)");
          continue;
        }
        List<String> span = day.getValue();
        String where = "settings.businessHours.days." + weekday;
        if (span == null || span.size() != 2) {
          problems.add(where + ": give [open, close] as two HH:mm times");
          continue;
        }
        try {
          LocalTime open = LocalTime.parse(span.get(0).trim());
          LocalTime close = LocalTime.parse(span.get(1).trim());
          if (!open.isBefore(close)) {
            problems.add(where + ": opens at " + open + " but closes at " + close + "; open must be before close");
          } else {
            days.put(weekday, List.of(open.toString(), close.toString()));
          }
        } catch (DateTimeParseException | NullPointerException e) {
          problems.add(where + ": times must be HH:mm, got " + span);
        }
      }
    }
    if (days.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("settings.businessHours"))) {
      problems.add("settings.businessHours: set alwaysOpen to true or give at least one weekday's hours");
    }
    Map<String, Object> named = new LinkedHashMap<>();
    days.forEach((d, span) -> named.put(d.name(), span));
    out.put("days", named);
    return out;
  }

  private static Duration duration(String where, String text, List<String> problems) {
    if (text == null || text.isBlank()) {
      problems.add(where + ": an ISO-8601 duration is required (e.g. PT10M, PT24H)");
      return null;
    }
    try {
      Duration d = Duration.parse(text.trim());
      if (d.isNegative() || d.isZero()) {
        problems.add(where + ": '" + text + "' must be longer than zero");
        return null;
      }
      if (d.compareTo(Duration.ofDays(90)) > 0) {
        problems.add(where + ": '" + text + "' is longer than 90 days");
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      problems.add(where + ": '" + text + "' is not an ISO-8601 duration (e.g. PT10M, PT24H, P3D)");
      return null;
    }
  }

  static String checkSlug(String slug, List<String> problems) {
    String s = slug == null ? "" : slug.trim();
    if (!SLUG.matcher(s).matches()) {
      problems.add("slug: 2–63 characters of a–z, 0–9 and '-', starting with a letter or digit");
    }
    return s;
  }

  static String checkTimeZone(String zone, List<String> problems) {
    String z = zone == null ? "" : zone.trim();
    try {
      ZoneId.of(z);
      return z;
    } catch (DateTimeException e) {
      problems.add("timeZone: '" + zone + "' is not a time zone (an IANA name such as America/Santiago)");
      return z;
    }
  }

  static String checkText(String where, String value, int max, List<String> problems) {
    if (value == null || value.isBlank() || value.trim().length() > max) {
      problems.add(where + ": 1–" + max + " characters");
      return value;
    }
    return value.trim();
  }
}
