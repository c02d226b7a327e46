package com.inmo.activities.agent.offline;

import com.inmo.workflows.agent.AgentPersona;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.agent.Sentiment;
import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The "offline" LLM provider: a rule-based Spanish lead agent used in dev mode and tests. It returns the
 * same {@link AgentTurnResult} a real model would, so workflows cannot tell the difference.
 *
 * <p>Deterministic by construction: no clock, no randomness, no state; everything comes from the
 * request, so a retried turn gives the same answer. The lead's text is only ever read as data: it can
 * fill fields and trigger the fixed intents, never change the persona or the rules (nothing the lead
 * writes is echoed back except validated field values).
 */
public final class OfflineAgent {

  /** At most this many questions per message: more reads like a form and leads stop answering. */
  static final int MAX_QUESTIONS = 3;

  private static final Pattern MENTIONS_CREDIT = Pattern.compile(
      "\\b(credito|creditos|hipotecario|hipoteca|aprueb\\w*|aprob\\w*|preaprob\\w*|financiamiento|financiar)\\b");
  /** Words that must never reach a lead in DICOM (see {@link DicomStatus#DIRTY}). */
  private static final Pattern APPROVAL_WORDS = Pattern.compile("aprob|aprueb|asegurad|garantiz");

  private final SpanishFieldExtractor extractor;
  private final IntentDetector intents = new IntentDetector();
  private final SlotChooser slots = new SlotChooser();

  public OfflineAgent() {
    this(new SpanishFieldExtractor());
  }

  public OfflineAgent(SpanishFieldExtractor extractor) {
    this.extractor = extractor;
  }

  public AgentTurnResult converse(AgentTurnRequest request) {
    AgentPersona persona = request.persona();
    String agentName = persona != null && notBlank(persona.name()) ? persona.name() : OfflineReplies.DEFAULT_PERSONA;
    String broker = persona != null && notBlank(persona.brokerName()) ? persona.brokerName()
        : OfflineReplies.DEFAULT_BROKER;
    List<String> zones = persona != null ? persona.zones() : List.of();
    String message = request.message() == null ? "" : request.message();
    String folded = SpanishText.fold(message);
    ZoneId zone = SpanishDates.zoneOrDefault(request.timeZone());
    LastAgentTurn last = LastAgentTurn.of(request.recentTurns());

    QualificationFields extracted = extract(message, zones, last.askedFields());
    IntentReading reading = intents.detect(message, extracted);
    QualificationFields known = request.fields().mergedWith(extracted);

    boolean slotContext = last.offeredSlots() || reading.wantsVisit();
    Instant chosen = slotContext && !reading.optOut() ? slots.choose(request.offeredSlots(), zone, message) : null;
    boolean wantsVisit = reading.wantsVisit() || chosen != null;
    Intent intent = reading.intent();
    if (chosen != null && List.of(Intent.OTHER, Intent.PROVIDE_INFO, Intent.SMALL_TALK, Intent.GREETING)
        .contains(intent)) {
      intent = Intent.SCHEDULE_VISIT;
    }

    String reply;
    if (reading.optOut()) {
      reply = OfflineReplies.OPT_OUT;
    } else if (reading.wantsHuman()) {
      String handoff = reading.sentiment() == Sentiment.FRUSTRATED ? OfflineReplies.HANDOFF_FRUSTRATED
          : OfflineReplies.HANDOFF;
      reply = greeting(request.firstContact(), agentName, broker) + String.format(handoff, broker);
    } else {
      reply = compose(request, reading, intent, extracted, known, chosen, last, folded, zone, agentName, broker);
    }
    if (known.dicom() == DicomStatus.DIRTY && APPROVAL_WORDS.matcher(SpanishText.fold(reply)).find()) {
      reply = OfflineReplies.DICOM_DIRTY; // last line of defence: never suggest approval to a lead in DICOM
    }
    return new AgentTurnResult(reply.trim(), extracted, intent, reading.sentiment(), reading.wantsHuman(),
        reading.wantsCall(), wantsVisit, chosen, reading.optOut());
  }

  /**
   * Fields in the message. A bare answer ("3", "no", "Juan Pérez") is read as the answer to the first
   * question of the last message it can answer; anything explicit in the message wins over that.
   */
  private QualificationFields extract(String message, List<String> zones, List<String> askedFields) {
    QualificationFields plain = extractor.extract(message, zones, null);
    for (String asked : askedFields) {
      QualificationFields withHint = extractor.extract(message, zones, asked);
      if (!withHint.equals(plain)) {
        return withHint;
      }
    }
    return plain;
  }

  private String compose(AgentTurnRequest request, IntentReading reading, Intent intent,
                         QualificationFields extracted, QualificationFields known, Instant chosen,
                         LastAgentTurn last, String folded, ZoneId zone, String agentName, String broker) {
    List<String> parts = new ArrayList<>();
    parts.add(greeting(request.firstContact(), agentName, broker).trim());
    if (!request.firstContact() && intent == Intent.GREETING) {
      parts.add(OfflineReplies.GREETING_AGAIN);
    }
    if (extracted.name() != null) {
      parts.add(String.format(OfflineReplies.THANKS_NAME, extracted.name()));
    }
    String learned = OfflineReplies.learned(extracted);
    if (learned != null) {
      parts.add(learned);
    }
    boolean mentionsCredit = MENTIONS_CREDIT.matcher(folded).find();
    if (known.dicom() == DicomStatus.DIRTY && (extracted.dicom() == DicomStatus.DIRTY || mentionsCredit)) {
      parts.add(OfflineReplies.DICOM_DIRTY);
    } else if (mentionsCredit) {
      parts.add(OfflineReplies.CREDIT_IS_THE_BANKS);
    }
    if (intent == Intent.SMALL_TALK && IntentDetector.asksIfBot(folded)) {
      parts.add(String.format(OfflineReplies.BOT_DISCLOSURE, agentName, broker));
    }

    int maxQuestions = MAX_QUESTIONS;
    List<Instant> offered = request.offeredSlots();
    if (chosen != null) {
      parts.add(String.format(OfflineReplies.SLOT_CONFIRMED, SpanishDates.slot(chosen, zone)));
      maxQuestions = 1;
    } else if (reading.wantsVisit() && !offered.isEmpty()) {
      parts.add(slotList(offered, zone));
      maxQuestions = 0; // the next answer must be read as a slot choice, not as a field
    } else if (reading.wantsVisit()) {
      parts.add(OfflineReplies.VISIT_NO_SLOTS);
      maxQuestions = 1;
    } else if (last.offeredSlots() && !offered.isEmpty() && intent == Intent.OTHER) {
      parts.add(OfflineReplies.SLOT_NOT_UNDERSTOOD + "\n" + slotList(offered, zone));
      maxQuestions = 0;
    }
    if (reading.wantsCall()) {
      parts.add(OfflineReplies.CALL);
      maxQuestions = Math.min(maxQuestions, 1);
    }
    if (intent == Intent.PROPERTY_QUESTION) {
      parts.add(OfflineReplies.PROPERTY_QUESTION);
      maxQuestions = Math.min(maxQuestions, 2);
    }

    List<String> questions = questions(known, reading.wantsCall(), maxQuestions);
    if (!questions.isEmpty()) {
      parts.add(OfflineReplies.QUESTIONS_INTRO + " " + String.join(" ", questions));
    } else if (maxQuestions > 0 && askable(known).isEmpty()) {
      parts.add(OfflineReplies.ALL_SET);
    } else if (parts.stream().allMatch(String::isEmpty)) {
      parts.add(OfflineReplies.UNDERSTOOD);
    }
    return String.join(" ", parts.stream().filter(p -> !p.isEmpty()).toList());
  }

  private static String greeting(boolean firstContact, String agentName, String broker) {
    return firstContact ? String.format(OfflineReplies.GREETING, agentName, broker) + " " : "";
  }

  private static String slotList(List<Instant> offered, ZoneId zone) {
    StringBuilder list = new StringBuilder(OfflineReplies.SLOTS_HEADER);
    for (int i = 0; i < offered.size(); i++) {
      list.append('\n').append(i + 1).append(". ").append(SpanishDates.slot(offered.get(i), zone));
    }
    return list.append('\n').append(OfflineReplies.SLOTS_FOOTER).toString();
  }

  /** The next questions, in {@link QualificationFields#missing()} order (the phone first if a call is wanted). */
  private static List<String> questions(QualificationFields known, boolean wantsCall, int max) {
    List<String> fields = askable(known);
    if (wantsCall && fields.remove("phone")) {
      fields.add(0, "phone");
    }
    return fields.stream().limit(max).map(OfflineReplies.QUESTIONS::get).toList();
  }

  /** Missing fields worth asking: a lead who said they do not know their DICOM status is not asked again. */
  private static List<String> askable(QualificationFields known) {
    List<String> fields = new ArrayList<>(known.missing());
    if (known.dicom() == DicomStatus.UNKNOWN) {
      fields.remove("dicom");
    }
    return fields;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
