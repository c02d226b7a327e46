package com.inmo.workflows.lead;

/**
 * The lead's credit record in Chile's DICOM registry, as the lead reports it. A DIRTY record means no
 * mortgage credit may be promised.
 */
public enum DicomStatus {
  CLEAN, HAS_DEBT, DIRTY, UNKNOWN
}
