package com.inmo.activities.agent.llm;

/** A provider that can summarise a voice transcript (every provider of the chain, the offline one included). */
public interface TranscriptSummarizing {

  String name();

  TranscriptSummary summarize(TranscriptRequest request);
}
