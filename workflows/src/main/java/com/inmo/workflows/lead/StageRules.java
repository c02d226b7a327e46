package com.inmo.workflows.lead;

import com.inmo.workflows.scoring.FinancialVerdict;
import com.inmo.workflows.scoring.LeadScoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The old system's automatic advance rules, as a pure function: given where a lead is and what is known,
 * the forward moves to make now (possibly several in one turn), each with its reason. Never backwards.
 */
public final class StageRules {

  /** Score needed, with budget and zone, to start the financial qualification. */
  public static final int FINANCIAL_QUALIFICATION_MIN_SCORE = 40;

  private StageRules() {
  }

  public record Move(LeadStage to, String reason) {
  }

  public static List<Move> automaticMoves(LeadStage current, QualificationFields f, int score, boolean visitBooked) {
    List<Move> moves = new ArrayList<>();
    LeadStage stage = current;
    if (stage.isClosed()) {
      return moves;
    }
    if (stage == LeadStage.NEW && f.name() != null
        && (f.phone() != null || f.zone() != null || f.budgetClp() != null)) {
      moves.add(new Move(stage = LeadStage.PROFILING, "name and contact or search data known"));
    }
    if (stage == LeadStage.PROFILING && score >= FINANCIAL_QUALIFICATION_MIN_SCORE
        && f.budgetClp() != null && f.zone() != null) {
      moves.add(new Move(stage = LeadStage.FINANCIAL_QUALIFICATION,
          "score " + score + " with budget and zone known"));
    }
    if (stage == LeadStage.FINANCIAL_QUALIFICATION) {
      Optional<FinancialVerdict> verdict = LeadScoring.verdict(f);
      if (verdict.isPresent()) {
        switch (verdict.get()) {
          case CALIFICADO, POTENCIAL -> moves.add(new Move(stage = LeadStage.POTENTIAL,
              "financial verdict " + verdict.get()));
          case NO_CALIFICADO -> {
            moves.add(new Move(LeadStage.LOST, "financial verdict NO_CALIFICADO (DICOM)"));
            return moves;
          }
        }
      }
    }
    if (visitBooked && stage.canAdvanceTo(LeadStage.SCHEDULED)) {
      moves.add(new Move(LeadStage.SCHEDULED, "visit booked"));
    }
    return moves;
  }
}
