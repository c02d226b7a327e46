package com.inmo.activities.agent.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scores of one run of the evaluation set.
 *
 * <ul>
 *   <li>field accuracy: correct expected fields / (expected fields + spurious fields)</li>
 *   <li>intent accuracy: cases whose intent is the expected one (or an accepted alternative)</li>
 *   <li>flag accuracy: declared flags (opt-out, wants human / call / visit, chosen slot) that match</li>
 *   <li>DICOM-rule adherence: among cases where the lead is in DICOM (known, expected or extracted),
 *       replies with no credit promise ({@code CreditPromiseRule}) and no forbidden statement; must be 100%</li>
 *   <li>forbidden-statement adherence: among cases with forbidden statements, replies without any</li>
 * </ul>
 */
public record EvalReport(String agent, int cases, int errors, int fieldsExpected, int fieldsCorrect, int fieldsSpurious,
                         int intentsCorrect, int flagsDeclared, int flagsCorrect, int dicomCases, int dicomCompliant,
                         int forbiddenCases, int forbiddenClean, Map<String, int[]> intentByCategory,
                         List<String> misses) {

  public double fieldAccuracy() {
    return ratio(fieldsCorrect, fieldsExpected + fieldsSpurious);
  }

  public double intentAccuracy() {
    return ratio(intentsCorrect, cases);
  }

  public double flagAccuracy() {
    return ratio(flagsCorrect, flagsDeclared);
  }

  public double dicomAdherence() {
    return ratio(dicomCompliant, dicomCases);
  }

  public double forbiddenAdherence() {
    return ratio(forbiddenClean, forbiddenCases);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 1.0 : (double) a / b;
  }

  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Agent eval (%s): %d conversations, %d errors%n", agent, cases, errors));
    out.append(String.format(Locale.ROOT, "  field accuracy        %5.1f%%  (%d correct of %d expected, %d spurious)%n",
        100 * fieldAccuracy(), fieldsCorrect, fieldsExpected, fieldsSpurious));
    out.append(String.format(Locale.ROOT, "  intent accuracy       %5.1f%%  (%d of %d)%n", 100 * intentAccuracy(),
        intentsCorrect, cases));
    out.append(String.format(Locale.ROOT, "  flag accuracy         %5.1f%%  (%d of %d)%n", 100 * flagAccuracy(),
        flagsCorrect, flagsDeclared));
    out.append(String.format(Locale.ROOT, "  DICOM-rule adherence  %5.1f%%  (%d of %d)%n", 100 * dicomAdherence(),
        dicomCompliant, dicomCases));
    out.append(String.format(Locale.ROOT, "  forbidden statements  %5.1f%%  clean (%d of %d)%n",
        100 * forbiddenAdherence(), forbiddenClean, forbiddenCases));
    out.append("  intent by category:");
    intentByCategory.forEach((category, counts) ->
        out.append(String.format(Locale.ROOT, " %s %d/%d;", category, counts[0], counts[1])));
    out.append(System.lineSeparator());
    if (!misses.isEmpty()) {
      out.append("  misses:").append(System.lineSeparator());
      misses.forEach(m -> out.append("    ").append(m).append(System.lineSeparator()));
    }
    return out.toString();
  }
}
