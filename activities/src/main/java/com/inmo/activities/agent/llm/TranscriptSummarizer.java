package com.inmo.activities.agent.llm;

/**
 * Summaries of voice-call transcripts with the same providers, order and circuit breakers as the chat
 * agent: the summary text for the broker plus the qualification fields the lead gave during the call.
 * A model answer that stays invalid after one repair gives {@link SafeReplies#SUMMARY_UNAVAILABLE} with no
 * fields; a provider failure moves to the next provider, and the last failure is thrown for Temporal.
 */
public final class TranscriptSummarizer {

  private final ProviderChain chain;

  public TranscriptSummarizer(ProviderChain chain) {
    this.chain = chain;
  }

  public TranscriptSummary summarize(TranscriptRequest request) {
    return chain.summarize(request);
  }
}
