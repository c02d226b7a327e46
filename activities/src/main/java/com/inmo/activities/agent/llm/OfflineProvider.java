package com.inmo.activities.agent.llm;

import com.inmo.activities.agent.OfflineConversationalAgent;
import com.inmo.activities.agent.offline.SpanishFieldExtractor;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.lead.QualificationFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code LLM_PROVIDER=offline} as a chain member: turns from the rule-based Spanish agent, and transcript
 * summaries made of the fields its extractor finds in the lead's lines. Needs no network, never fails.
 */
public final class OfflineProvider implements AgentProvider {

  private static final Pattern LEAD_LINE =
      Pattern.compile("^\\s*(lead|user|usuario|cliente|customer|humano)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_LABEL = Pattern.compile("^\\s*[\\p{L} ]{1,20}:\\s*");

  private final OfflineConversationalAgent agent = new OfflineConversationalAgent();
  private final SpanishFieldExtractor extractor = new SpanishFieldExtractor();

  @Override
  public String name() {
    return agent.name();
  }

  @Override
  public AgentTurnResult converse(AgentTurnRequest request) {
    return agent.converse(request);
  }

  @Override
  public boolean paid() {
    return false;
  }

  @Override
  public TranscriptSummary summarize(TranscriptRequest request) {
    List<String> zones = request.persona() == null ? List.of() : request.persona().zones();
    List<String> leadLines = new ArrayList<>();
    boolean labelled = false;
    for (String line : request.transcript().split("\\R")) {
      if (ANY_LABEL.matcher(line).find()) {
        labelled = true;
      }
      if (LEAD_LINE.matcher(line).find()) {
        leadLines.add(LEAD_LINE.matcher(line).replaceFirst("").strip());
      }
    }
    if (!labelled) {
      for (String line : request.transcript().split("\\R")) {
        if (!line.isBlank()) {
          leadLines.add(line.strip());
        }
      }
    }
    QualificationFields found = QualificationFields.EMPTY;
    for (String line : leadLines) {
      found = found.mergedWith(extractor.extract(line, zones, null));
    }
    String said = String.join(" ", leadLines);
    if (said.length() > 300) {
      said = said.substring(0, 297) + "...";
    }
    String summary = leadLines.isEmpty() ? "Llamada sin intervenciones del lead."
        : "Resumen automático (sin IA). " + facts(found) + "Lo que dijo el lead: «" + said + "».";
    return new TranscriptSummary(summary, found, name());
  }

  private static String facts(QualificationFields f) {
    List<String> parts = new ArrayList<>();
    if (f.name() != null) {
      parts.add("nombre " + f.name());
    }
    if (f.propertyType() != null) {
      parts.add("busca " + f.propertyType() + (f.bedrooms() != null ? " de " + f.bedrooms() + " dormitorios" : ""));
    }
    if (f.zone() != null) {
      parts.add("en " + f.zone());
    }
    if (f.budgetClp() != null) {
      parts.add(String.format(Locale.ROOT, "presupuesto $%,d", f.budgetClp()).replace(',', '.'));
    }
    if (f.monthlyIncomeClp() != null) {
      parts.add(String.format(Locale.ROOT, "renta $%,d", f.monthlyIncomeClp()).replace(',', '.'));
    }
    if (f.dicom() != null) {
      parts.add("DICOM " + f.dicom());
    }
    if (f.timeline() != null) {
      parts.add("plazo " + f.timeline());
    }
    if (f.phone() != null) {
      parts.add("teléfono " + f.phone());
    }
    return parts.isEmpty() ? "" : "Datos: " + String.join(", ", parts) + ". ";
  }
}
