package com.inmo.workflows.scoring;

/** The old system's financial qualification outcome (its Spanish names kept for the dashboard). */
public enum FinancialVerdict {
  /** Income covers the mortgage for the budget and DICOM is clean. */
  CALIFICADO,
  /** Could qualify: some debt, or income somewhat short of the budget. */
  POTENCIAL,
  /** A dirty DICOM record: no mortgage credit can be promised. */
  NO_CALIFICADO
}
