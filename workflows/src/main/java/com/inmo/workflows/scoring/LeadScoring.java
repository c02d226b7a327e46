package com.inmo.workflows.scoring;

import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.LeadStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The lead score and financial verdict: pure functions of the lead's fields and engagement.
 *
 * <p>Profile (≤ 35) rewards knowing who and what; engagement (≤ 25) rewards a lead that talks and wants
 * to visit; financial (≤ 40) rewards a budget, an income that covers it and a clean DICOM. Penalties take
 * off for a dirty DICOM and frustration; an opted-out lead scores 0.
 */
public final class LeadScoring {

  /*
   * Affordability: the monthly mortgage payment is about 0.0044 per peso of property price (80% financed
   * over 25 years at about 4.5% a year: 0.8 × 0.0055), and Chilean banks want it within 25% of the income.
   * budget × 0.0044 ≤ income × 0.25  ⇔  budget × 11 ≤ income × 625, compared in whole numbers so the
   * exact limit is not lost to floating-point rounding.
   */
  static final long BUDGET_FACTOR = 11;
  static final long INCOME_FACTOR = 625;

  private LeadScoring() {
  }

  public static ScoreBreakdown score(ScoreInputs in, ScoreThresholds thresholds) {
    if (in.optedOut()) {
      return new ScoreBreakdown(0, 0, 0, 0, 0, LeadStatus.COLD);
    }
    QualificationFields f = in.fields();
    int profile = (f.name() != null ? 5 : 0) + (f.phone() != null ? 7 : 0) + (f.email() != null ? 3 : 0)
        + (f.zone() != null ? 6 : 0) + (f.propertyType() != null ? 5 : 0) + (f.bedrooms() != null ? 4 : 0)
        + timelinePoints(f.timeline());
    int engagement = Math.min(25, Math.min(15, in.inboundMessages() * 3)
        + (in.wantsVisit() ? 5 : 0) + (in.visitBooked() ? 10 : 0));
    int financial = (f.budgetClp() != null ? 10 : 0) + (f.monthlyIncomeClp() != null ? 8 : 0)
        + (affordable(f) ? 8 : 0) + dicomPoints(f.dicom());
    int penalties = (f.dicom() == DicomStatus.DIRTY ? 20 : 0) + (in.frustrated() ? 5 : 0);
    int total = Math.max(0, Math.min(100, profile + engagement + financial - penalties));
    return new ScoreBreakdown(total, profile, engagement, financial, penalties, status(total, thresholds));
  }

  public static LeadStatus status(int score, ScoreThresholds t) {
    if (score >= t.qualifiedMin()) {
      return LeadStatus.QUALIFIED;
    }
    if (score >= t.hotMin()) {
      return LeadStatus.HOT;
    }
    if (score > t.coldMax()) {
      return LeadStatus.WARM;
    }
    return LeadStatus.COLD;
  }

  /** Empty while the facts to judge are missing (income, budget, DICOM answer). */
  public static Optional<FinancialVerdict> verdict(QualificationFields f) {
    if (f.dicom() == DicomStatus.DIRTY) {
      return Optional.of(FinancialVerdict.NO_CALIFICADO);
    }
    if (f.budgetClp() == null || f.monthlyIncomeClp() == null || f.dicom() == null || f.dicom() == DicomStatus.UNKNOWN) {
      return Optional.empty();
    }
    if (f.dicom() == DicomStatus.CLEAN && affordable(f)) {
      return Optional.of(FinancialVerdict.CALIFICADO);
    }
    return Optional.of(FinancialVerdict.POTENCIAL);
  }

  static boolean affordable(QualificationFields f) {
    if (f.budgetClp() == null || f.monthlyIncomeClp() == null) {
      return false;
    }
    BigInteger payment = BigInteger.valueOf(f.budgetClp()).multiply(BigInteger.valueOf(BUDGET_FACTOR));
    return payment.compareTo(BigInteger.valueOf(f.monthlyIncomeClp()).multiply(BigInteger.valueOf(INCOME_FACTOR))) <= 0;
  }

  private static int dicomPoints(DicomStatus dicom) {
    if (dicom == null) {
      return 0;
    }
    return switch (dicom) {
      case CLEAN -> 14;
      case HAS_DEBT -> 6;
      case DIRTY, UNKNOWN -> 0;
    };
  }

  private static int timelinePoints(String timeline) {
    if (timeline == null) {
      return 0;
    }
    String t = timeline.toLowerCase(java.util.Locale.ROOT);
    if (t.contains("inmediato") || t.matches("^[1-3] mes(es)?$")) {
      return 5;
    }
    return 3;
  }
}
