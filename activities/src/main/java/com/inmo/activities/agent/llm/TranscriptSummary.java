package com.inmo.activities.agent.llm;

import com.inmo.workflows.lead.QualificationFields;

/**
 * A call's summary for the broker and the qualification fields the lead gave in it.
 *
 * @param provider who wrote it ({@code gemini}, {@code claude}, {@code openai} or {@code offline})
 */
public record TranscriptSummary(String summary, QualificationFields extracted, String provider) {

  public TranscriptSummary {
    extracted = extracted == null ? QualificationFields.EMPTY : extracted;
  }
}
