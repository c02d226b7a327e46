package com.inmo.activities.agent.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.inmo.workflows.agent.AgentPersona;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.ConversationTurn;
import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.QualificationFields;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an {@link AgentTurnRequest} into the messages sent to a model: the versioned system prompt
 * (persona, broker, zones, hours, stage, known and missing fields, offered slots, the rules), then the
 * conversation as USER / ASSISTANT messages. Everything the lead wrote (history, summary, the new
 * message) travels only inside USER messages and between delimiters the system prompt declares as data;
 * a lead cannot close a delimiter early because delimiter-like tags in its text are neutralised.
 *
 * <p>History is bounded: the last {@code historyTurns} turns of the request go as messages; older ones
 * are folded, shortened, into the summary block together with the request's {@code summary}.
 */
public final class AgentPrompt {

  public static final String DEFAULT_TEMPLATE = "agent-v1.es";
  public static final int DEFAULT_HISTORY_TURNS = 12;
  /** BusinessHours.standard: the contract does not carry the broker's hours yet. */
  public static final String DEFAULT_BUSINESS_HOURS = "lunes a viernes de 9:00 a 19:00 y sábados de 10:00 a 14:00";
  static final String LEAD_OPEN = "<mensaje_del_lead>";
  static final String LEAD_CLOSE = "</mensaje_del_lead>";
  private static final Pattern TAGS = Pattern.compile(
      "</?\\s*(mensaje_del_lead|resumen_previo|datos_conocidos|transcripcion)[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Locale ES_CL = Locale.forLanguageTag("es-CL");
  private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM, HH:mm", ES_CL);
  static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private static final Map<String, String> FIELD_LABELS = new LinkedHashMap<>();

  static {
    FIELD_LABELS.put("name", "nombre");
    FIELD_LABELS.put("zone", "comuna o ciudad");
    FIELD_LABELS.put("propertyType", "tipo de propiedad");
    FIELD_LABELS.put("bedrooms", "dormitorios");
    FIELD_LABELS.put("budget", "presupuesto");
    FIELD_LABELS.put("phone", "teléfono");
    FIELD_LABELS.put("timeline", "plazo");
    FIELD_LABELS.put("monthlyIncome", "renta líquida mensual");
    FIELD_LABELS.put("dicom", "si está en DICOM");
    FIELD_LABELS.put("email", "correo");
  }

  private final PromptTemplate template;
  private final int historyTurns;
  private final String businessHours;

  public AgentPrompt() {
    this(PromptTemplate.load(DEFAULT_TEMPLATE), DEFAULT_HISTORY_TURNS, DEFAULT_BUSINESS_HOURS);
  }

  public AgentPrompt(PromptTemplate template, int historyTurns, String businessHours) {
    if (historyTurns < 0) {
      throw new IllegalArgumentException("historyTurns must not be negative");
    }
    this.template = template;
    this.historyTurns = historyTurns;
    this.businessHours = businessHours == null || businessHours.isBlank() ? DEFAULT_BUSINESS_HOURS : businessHours;
  }

  public String templateId() {
    return template.id();
  }

  /** The system prompt for this request. */
  public String system(AgentTurnRequest request) {
    AgentPersona persona = request.persona();
    String personaName = persona != null && notBlank(persona.name()) ? persona.name() : "Sofía";
    String broker = persona != null && notBlank(persona.brokerName()) ? persona.brokerName() : "la corredora";
    QualificationFields known = request.fields();
    ZoneId zone = zone(request.timeZone());

    Map<String, String> values = new LinkedHashMap<>();
    values.put("personaName", personaName);
    values.put("brokerName", broker);
    values.put("tone", persona != null && notBlank(persona.tone()) ? persona.tone() : "cercano y profesional");
    values.put("languageRule", languageRule(persona == null ? "es" : persona.language()));
    values.put("firstContactRule", request.firstContact()
        ? "Es el primer mensaje del lead: preséntate como " + personaName + " de " + broker + "."
        : "Ya se conocen: no vuelvas a presentarte.");
    values.put("zones", persona == null || persona.zones().isEmpty() ? "no especificadas"
        : String.join(", ", persona.zones()));
    values.put("businessHours", businessHours);
    values.put("timeZone", zone.getId());
    values.put("stage", stage(request.stage()));
    values.put("knownFields", neutralize(knownJson(known)));
    values.put("missingFields", missing(known));
    values.put("offeredSlots", slots(request.offeredSlots(), zone));
    values.put("dicomNote", known.dicom() == DicomStatus.DIRTY
        ? " ATENCIÓN: este lead está en DICOM (dicom = DIRTY)." : "");
    return template.render(values);
  }

  /** System prompt, bounded history and the new message, roles alternating and starting with USER. */
  public List<ChatMessage> messages(AgentTurnRequest request) {
    List<ChatMessage> out = new ArrayList<>();
    out.add(SystemMessage.from(system(request)));

    List<ConversationTurn> turns = request.recentTurns();
    int keep = Math.min(historyTurns, turns.size());
    List<ConversationTurn> older = turns.subList(0, turns.size() - keep);
    List<ConversationTurn> recent = turns.subList(turns.size() - keep, turns.size());

    String summary = summary(request.summary(), older);
    List<Entry> entries = new ArrayList<>();
    if (!summary.isEmpty()) {
      entries.add(new Entry(true, "<resumen_previo>\n" + neutralize(summary) + "\n</resumen_previo>"));
    }
    String broker = request.persona() != null && notBlank(request.persona().brokerName())
        ? request.persona().brokerName() : "la corredora";
    for (ConversationTurn turn : recent) {
      if (turn == null || turn.text() == null || turn.text().isBlank()) {
        continue;
      }
      String author = turn.author() == null ? "LEAD" : turn.author().toUpperCase(Locale.ROOT);
      switch (author) {
        case "AI":
          entries.add(new Entry(false, turn.text()));
          break;
        case "HUMAN":
          entries.add(new Entry(false, "[mensaje de un agente humano de " + broker + "] " + turn.text()));
          break;
        case "SYSTEM":
          entries.add(new Entry(false, "[nota del sistema] " + turn.text()));
          break;
        default:
          entries.add(new Entry(true, leadMessage(turn.text())));
      }
    }
    entries.add(new Entry(true, leadMessage(request.message() == null ? "" : request.message())));
    if (!entries.get(0).user()) {
      entries.add(0, new Entry(true, "(la conversación la inició " + broker + ")"));
    }
    // merge consecutive messages of one side: some providers require strict alternation
    List<Entry> merged = new ArrayList<>();
    for (Entry e : entries) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1).user() == e.user()) {
        Entry last = merged.remove(merged.size() - 1);
        merged.add(new Entry(e.user(), last.text() + "\n\n" + e.text()));
      } else {
        merged.add(e);
      }
    }
    for (Entry e : merged) {
      out.add(e.user() ? UserMessage.from(e.text()) : AiMessage.from(e.text()));
    }
    return out;
  }

  /** The lead's text, delimited as data. */
  static String leadMessage(String text) {
    return LEAD_OPEN + "\n" + neutralize(text) + "\n" + LEAD_CLOSE;
  }

  /** Removes tags that could close or open one of our data delimiters. */
  static String neutralize(String text) {
    return text == null ? "" : TAGS.matcher(text).replaceAll("[etiqueta]");
  }

  static String knownJson(QualificationFields known) {
    try {
      return JSON.writeValueAsString(known);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String summary(String summary, List<ConversationTurn> older) {
    StringBuilder out = new StringBuilder(summary == null ? "" : summary.strip());
    for (ConversationTurn turn : older) {
      if (turn == null || turn.text() == null) {
        continue;
      }
      String text = turn.text().replaceAll("\\s+", " ").strip();
      if (text.length() > 160) {
        text = text.substring(0, 157) + "...";
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(turn.author()).append(": ").append(text);
    }
    return out.toString();
  }

  private static String languageRule(String language) {
    String lang = language == null ? "es" : language.toLowerCase(Locale.ROOT);
    if (lang.startsWith("es")) {
      return "español de Chile. Si el lead escribe en otro idioma, responde en ese idioma.";
    }
    return "el idioma de la corredora es '" + lang + "'; si el lead escribe en otro idioma, responde en el"
        + " idioma del lead.";
  }

  private static String stage(LeadStage stage) {
    if (stage == null) {
      return "NEW (lead nuevo)";
    }
    switch (stage) {
      case NEW: return "NEW (lead nuevo)";
      case PROFILING: return "PROFILING (conociendo lo que busca)";
      case FINANCIAL_QUALIFICATION: return "FINANCIAL_QUALIFICATION (revisando presupuesto, renta y DICOM)";
      case POTENTIAL: return "POTENTIAL (calificado: ofrecer visita)";
      case SCHEDULED: return "SCHEDULED (visita agendada)";
      case WON: return "WON (cerrado con éxito)";
      case LOST: return "LOST (perdido)";
      default: return stage.name();
    }
  }

  private static String missing(QualificationFields known) {
    List<String> labels = new ArrayList<>();
    for (String field : known.missing()) {
      if ("dicom".equals(field) && known.dicom() == DicomStatus.UNKNOWN) {
        continue; // said they do not know: not asked again
      }
      labels.add(FIELD_LABELS.getOrDefault(field, field));
    }
    return labels.isEmpty() ? "ninguno (ya tienes todo: dile que un agente revisará su búsqueda y lo contactará)"
        : String.join(", ", labels);
  }

  static String slots(List<Instant> offered, ZoneId zone) {
    if (offered.isEmpty()) {
      return "ninguno por ahora";
    }
    StringBuilder out = new StringBuilder();
    for (Instant slot : offered) {
      out.append("\n  - ").append(slot).append(" = ").append(SLOT.format(slot.atZone(zone)));
    }
    return out.toString();
  }

  static ZoneId zone(String timeZone) {
    try {
      return timeZone == null || timeZone.isBlank() ? ZoneId.of("America/Santiago") : ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      return ZoneId.of("America/Santiago");
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private record Entry(boolean user, String text) {
  }
}
