package com.inmo.activities.agent.llm;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Never promise credit to a lead with a dirty credit record" (docs/design.md), as a check on the
 * reply a model wrote. Deliberately strict, because a false alarm costs one repair call and a miss costs
 * a broker's reputation: to a lead in DICOM any word of approval or guarantee is a violation, and so is
 * a sentence that speaks of credit and says the lead can get, access or qualify for it, unless a negation
 * comes just before those words ("por ahora no es posible optar a un crédito hipotecario" is the correct answer).
 * Spanish and English are covered, since the agent follows the lead's language.
 */
public final class CreditPromiseRule {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SENTENCES = Pattern.compile("[.!?;:\\n]+");
  private static final Pattern APPROVAL = Pattern.compile(
      "\\b(aprob\\w*|aprueb\\w*|preaprob\\w*|pre-aprob\\w*|garantiz\\w*|asegur\\w*|approv\\w*|pre-?approv\\w*"
          + "|guarantee\\w*|assur\\w*)");
  private static final Pattern CREDIT = Pattern.compile(
      "\\b(credito|creditos|hipoteca|hipotecas|hipotecario|financiamiento|financiar|financiado|prestamo|prestamos"
          + "|mortgage|mortgages|loan|loans|credit|financing)\\b");
  private static final Pattern ACCESS = Pattern.compile(
      "\\b(podras|puedes|podrias|podra|podran|vas a poder|lograras|lograr|obtener|obtendras|obtienes|optar"
          + "|opcion de|acceder|accederas|calificas|calificar|calificarias|calificaras|conseguir|conseguiras"
          + "|sin problemas?|no hay problema|facil|facilmente|te (daran|dan|va a dar|van a dar|otorgaran|otorgan)"
          + "|otorgar\\w*|eligible|qualify|qualifies|can get|will get|able to get)\\b");
  private static final Pattern NEGATION = Pattern.compile(
      "\\b(no|nunca|imposible|dificil|tampoco|lamentablemente|not|cannot|can't|won't|unable|unfortunately)\\b");

  /** How far before an access word a negation still applies ("no es posible optar", "no podrías acceder"). */
  private static final int NEGATION_REACH = 30;

  private CreditPromiseRule() {
  }

  /** The offending sentence when {@code reply} promises or suggests credit approval, else empty. */
  public static Optional<String> violation(String reply) {
    if (reply == null || reply.isBlank()) {
      return Optional.empty();
    }
    for (String sentence : SENTENCES.split(fold(reply))) {
      if (APPROVAL.matcher(sentence).find()) {
        return Optional.of(sentence.strip());
      }
      if (CREDIT.matcher(sentence).find() && unnegatedAccess(sentence)) {
        return Optional.of(sentence.strip());
      }
    }
    return Optional.empty();
  }

  /** An access word ("puedes", "optar") with no negation in the few words before it. */
  private static boolean unnegatedAccess(String sentence) {
    Matcher access = ACCESS.matcher(sentence);
    while (access.find()) {
      String before = sentence.substring(Math.max(0, access.start() - NEGATION_REACH), access.start());
      if (!NEGATION.matcher(before).find()) {
        return true;
      }
    }
    return false;
  }

  static String fold(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
