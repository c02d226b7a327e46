package com.inmo.activities.agent.offline;

import com.inmo.workflows.lead.DicomStatus;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lead's DICOM (Chile's credit-default registry) status as the lead tells it. Negation decides
 * everything here ("estoy en dicom" vs "no estoy en dicom"), so each affirmative phrase is matched with
 * an optional "no"/"nunca"/"ya no" before it. Debts that are not in DICOM ("tengo un crédito de consumo")
 * are HAS_DEBT: they matter to a bank but do not rule a mortgage out. A DIRTY status is what stops the
 * agent from talking about mortgage approval, so when in doubt between DIRTY and CLEAN we say UNKNOWN.
 */
final class DicomExtractor {

  private static final Pattern UNSURE = Pattern.compile(
      "\\bno (se|sabria decir|estoy segur[oa]|recuerdo|tengo idea) si (estoy|aparezco|tengo|salgo|sigo)\\b");
  /** "estoy en dicom", "tengo dicom", "aparezco en dicom", with an optional negation in group 1. */
  private static final Pattern IN_DICOM = Pattern.compile(
      "(\\b(?:no|nunca|ya no|tampoco)\\s+(?:\\w+\\s+)?)?\\b(estoy|estamos|tengo|aparezco|salgo|sigo|he estado"
          + "|he salido|figuro)\\s+(?:en\\s+)?(?:el\\s+)?dicom\\b");
  /** Clean-record phrases, with an optional negation ("no estoy limpio" is DIRTY) in group 1. */
  private static final Pattern CLEAN = Pattern.compile(
      "(\\bno\\s+)?\\b(sin dicom|dicom limpio|limpio de dicom|limpia de dicom|estoy limpi[oa]|papeles limpios"
          + "|ya sali de(l)? dicom|me sacaron de(l)? dicom)\\b");
  private static final Pattern NO_DEBTS = Pattern.compile("\\b(no tengo deudas|sin deudas|cero deudas)\\b");
  private static final Pattern DIRTY_WORDS = Pattern.compile(
      "(\\bno\\s+)?\\b(estoy suci[oa]|me metieron (a|en) dicom|estoy dicom)\\b");
  private static final Pattern DEBT = Pattern.compile(
      "\\b(tengo (unas |algunas |varias )?deudas|tengo un credito de consumo|tengo (un )?credito de consumo"
          + "|debo algo|debo (un poco|plata)|tengo (una )?deuda|estoy pagando (un|una) (credito|deuda)"
          + "|tarjetas? (con deuda|repactada)|deuda en (la )?tarjeta)\\b");
  private static final Pattern BARE_NO = Pattern.compile("^(no|nop|nope|para nada|nunca|negativo)[.!]*$");
  private static final Pattern BARE_YES = Pattern.compile("^(si|sip|lamentablemente si|asi es)[.!]*$");
  private static final Pattern BARE_UNSURE = Pattern.compile("^(no se|no estoy segur[oa]|ni idea)[.!]*$");

  /**
   * @param dicomAsked the agent just asked "¿Apareces en DICOM?": a bare "no" or "sí" answers it
   */
  DicomStatus extract(String folded, boolean dicomAsked) {
    if (UNSURE.matcher(folded).find() && folded.matches("(?s).*\\b(dicom|limpi[oa]|suci[oa])\\b.*")) {
      return DicomStatus.UNKNOWN;
    }
    DicomStatus said = null;
    Matcher m = IN_DICOM.matcher(folded);
    if (m.find()) {
      said = m.group(1) != null ? DicomStatus.CLEAN : DicomStatus.DIRTY;
    }
    m = DIRTY_WORDS.matcher(folded);
    if (said == null && m.find()) {
      said = m.group(1) != null ? DicomStatus.CLEAN : DicomStatus.DIRTY;
    }
    m = CLEAN.matcher(folded);
    if (said == null && m.find()) {
      said = m.group(1) != null ? DicomStatus.DIRTY : DicomStatus.CLEAN;
    }
    if (said == null && NO_DEBTS.matcher(folded).find()) {
      said = DicomStatus.CLEAN;
    }
    if (said != DicomStatus.DIRTY && DEBT.matcher(folded).find() && !negatedDebt(folded)) {
      return DicomStatus.HAS_DEBT; // "tengo deudas pero no estoy en dicom"
    }
    if (said == null && dicomAsked) {
      String trimmed = folded.trim();
      if (BARE_NO.matcher(trimmed).matches()) {
        return DicomStatus.CLEAN;
      }
      if (BARE_YES.matcher(trimmed).matches()) {
        return DicomStatus.DIRTY;
      }
      if (BARE_UNSURE.matcher(trimmed).matches()) {
        return DicomStatus.UNKNOWN;
      }
    }
    return said;
  }

  private static boolean negatedDebt(String folded) {
    return folded.matches("(?s).*\\bno (tengo|debo)\\b.*") && !folded.matches("(?s).*\\bpero (tengo|debo)\\b.*");
  }
}
