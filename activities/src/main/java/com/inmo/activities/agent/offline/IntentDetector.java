package com.inmo.activities.agent.offline;

import com.inmo.activities.agent.OptOutGuard;
import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.agent.Sentiment;
import com.inmo.workflows.lead.QualificationFields;
import java.util.regex.Pattern;

/**
 * Reads what a Spanish message is about. Order matters and follows the cost of a mistake: an opt-out
 * must never be missed (Chilean consumer law and basic decency), then frustration and a wish to talk to
 * a person (both go to a human), then calls and visits, then questions and plain information. Opt-outs
 * are the agent activity's {@link OptOutGuard}'s rules, the same for every provider (a refusal naming
 * another way to be reached goes to a person).
 */
public final class IntentDetector {

  private static final Pattern HUMAN = Pattern.compile(
      "\\b(hablar|conversar|comunicarme|contactarme|atienda|atender|comunicar|pasame|paseme|comuniqueme)\\b"
          + ".{0,25}\\b(persona|humano|humana|ejecutiv[oa]|agente|asesor[a]?|corredor[a]?|alguien|vendedor[a]?)\\b"
          + "|\\b(persona|agente|alguien|ser humano) (real|de verdad|de carne y hueso)\\b|\\bun humano\\b"
          + "|\\b(quiero|prefiero|necesito) (a |con )?(una persona|un ejecutiv[oa]|un agente|un asesor)\\b");
  private static final Pattern ARE_YOU_A_BOT =
      Pattern.compile("\\b(eres|es|son) (un |una )?(bot|robot|maquina|ia|inteligencia artificial)\\b");
  private static final Pattern CALL = Pattern.compile(
      "\\b(llamame|llameme|llamenme|llamarme|me (pueden|puede|podrian|podria|puedes|podrias) llamar"
          + "|prefiero (por )?telefono|prefiero (una )?llamada|por telefono mejor|mejor por telefono"
          + "|me llaman|una llamada)\\b");
  private static final Pattern NO_CALL = Pattern.compile("\\bno me (llamen|llames|llamen)\\b");
  private static final Pattern VISIT = Pattern.compile(
      "\\b(visitar(lo|la)?|una visita|la visita|agendar|agendemos|ir a ver(lo|la)?|pasar a ver|verlo en persona"
          + "|conocer (el|la|los|las|ese|esa) (depto|departamento|casa|propiedad|oficina|proyecto|piloto|terreno)"
          + "|conocerlo|conocerla|cuando (puedo|podria|podemos) ir)\\b");
  private static final Pattern INSULT = Pattern.compile(
      "\\b(weon|weones|hueon|huevon|aweonao|conchetumare|ctm|csm|mierda|idiota|idiotas|imbecil|imbeciles"
          + "|estupido|estupidos|inutil|inutiles|pesimo|pesima|malisimo|ladrones|estafa|estafadores|chantas"
          + "|ya les dije|ya te dije|cuantas veces|otra vez lo mismo|no sirven|que lata con ustedes)\\b");
  private static final Pattern NEGATIVE = Pattern.compile(
      "\\b(no me interesa|muy caro|que caro|demasiado caro|no me gusta|lamentablemente|mal servicio|decepcion"
          + "|molesto|molesta|no me convence)\\b");
  private static final Pattern POSITIVE = Pattern.compile(
      "\\b(gracias|genial|excelente|perfecto|buenisimo|me encanta|me gusta|bacan|super|muy bien|que bueno"
          + "|encantad[oa]|maravilla)\\b|[😊🙂👍🙌😀😃❤]");
  private static final Pattern GREETING = Pattern.compile(
      "^\\W*(hola|holi|buenas|buenos dias|buen dia|buenas tardes|buenas noches|saludos|hey|alo)\\b");
  private static final Pattern QUESTION_START = Pattern.compile(
      "^\\W*(tiene|tienen|cuanto|cuantos|cuantas|donde|hay|acepta|aceptan|incluye|se puede|es|esta|cual|que)\\b");
  private static final Pattern PROPERTY_TOPIC = Pattern.compile(
      "\\b(estacionamiento|bodega|gastos comunes|metros|m2|mts|piscina|precio|valor|cuesta|vale|mascotas"
          + "|orientacion|piso|ascensor|entrega|subsidio|contribuciones|quincho|gimnasio|amoblado|disponible"
          + "|banos?|terraza|conserjeria|metro|colegios?|arriendo|dividendo)\\b");
  private static final Pattern SMALL_TALK = Pattern.compile(
      "^\\W*(?:(?:ok|oka|okey|vale|ya|dale|gracias|muchas gracias|jaja\\w*|perfecto|listo|bueno|genial|super"
          + "|excelente)\\W*)+$");

  /**
   * @param message   the lead's message as written (capitals matter for shouting)
   * @param extracted the fields found in the same message, so plain answers read as PROVIDE_INFO
   */
  public IntentReading detect(String message, QualificationFields extracted) {
    String text = message == null ? "" : message;
    String folded = SpanishText.fold(text);
    OptOutGuard.Verdict verdict = OptOutGuard.read(text);
    boolean optOut = verdict == OptOutGuard.Verdict.OPT_OUT;
    boolean frustrated = INSULT.matcher(folded).find() || shouting(text)
        || (text.contains("!!!") && !POSITIVE.matcher(folded).find());
    boolean wantsHuman = !optOut && (verdict == OptOutGuard.Verdict.HAND_OFF || HUMAN.matcher(folded).find()
        || frustrated);
    boolean wantsCall = !optOut && CALL.matcher(folded).find() && !NO_CALL.matcher(folded).find();
    boolean wantsVisit = !optOut && VISIT.matcher(folded).find();
    boolean providedInfo = extracted != null && !extracted.equals(QualificationFields.EMPTY);

    Sentiment sentiment = frustrated ? Sentiment.FRUSTRATED
        : optOut || NEGATIVE.matcher(folded).find() ? Sentiment.NEGATIVE
        : POSITIVE.matcher(folded).find() ? Sentiment.POSITIVE
        : Sentiment.NEUTRAL;

    Intent intent;
    if (optOut) {
      intent = Intent.OPT_OUT;
    } else if (frustrated) {
      intent = Intent.COMPLAINT;
    } else if (wantsHuman) {
      intent = Intent.REQUEST_HUMAN;
    } else if (wantsCall) {
      intent = Intent.REQUEST_CALL;
    } else if (wantsVisit) {
      intent = Intent.SCHEDULE_VISIT;
    } else if (isPropertyQuestion(text, folded)) {
      intent = Intent.PROPERTY_QUESTION;
    } else if (providedInfo) {
      intent = Intent.PROVIDE_INFO;
    } else if (GREETING.matcher(folded).find()) {
      intent = Intent.GREETING;
    } else if (SMALL_TALK.matcher(folded).find() || ARE_YOU_A_BOT.matcher(folded).find()) {
      intent = Intent.SMALL_TALK;
    } else {
      intent = Intent.OTHER;
    }
    return new IntentReading(intent, sentiment, wantsHuman, wantsCall, wantsVisit, optOut);
  }

  /** Whether the lead asks if it is talking to a machine: the agent always answers that honestly. */
  static boolean asksIfBot(String folded) {
    return ARE_YOU_A_BOT.matcher(folded).find();
  }

  private static boolean isPropertyQuestion(String text, String folded) {
    boolean question = text.contains("?") || QUESTION_START.matcher(folded).find();
    return question && PROPERTY_TOPIC.matcher(folded).find();
  }

  /** ALL CAPS over several words is shouting; a single "STOP" or "OK" is not. */
  private static boolean shouting(String text) {
    long letters = text.codePoints().filter(Character::isLetter).count();
    boolean anyLower = text.codePoints().anyMatch(Character::isLowerCase);
    long words = text.trim().split("\\s+").length;
    return !anyLower && letters >= 15 && words >= 3;
  }
}
