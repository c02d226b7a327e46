package com.inmo.activities.agent.llm;

import com.inmo.workflows.agent.AgentPersona;
import com.inmo.workflows.lead.QualificationFields;

/** A finished voice call to summarise: whose it is, what was known before, and what was said. */
public record TranscriptRequest(String leadId, AgentPersona persona, QualificationFields known, String transcript) {

  public TranscriptRequest {
    known = known == null ? QualificationFields.EMPTY : known;
    transcript = transcript == null ? "" : transcript;
  }
}
