package com.inmo.workflows.call;

/** Every provider's outcomes mapped to one set. IN_PROGRESS: the call has not ended yet. */
public enum CallStatus {
  COMPLETED, NO_ANSWER, BUSY, VOICEMAIL, FAILED, CANCELED, IN_PROGRESS;

  /** Outcomes worth calling again later. */
  public boolean retryable() {
    return this == NO_ANSWER || this == BUSY || this == VOICEMAIL;
  }
}
