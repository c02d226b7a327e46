package com.inmo.activities.agent.llm;

import com.inmo.activities.agent.ConversationalAgent;

/** A member of the {@link ProviderChain}: answers chat turns and summarises voice transcripts. */
public interface AgentProvider extends ConversationalAgent, TranscriptSummarizing {

  @Override
  String name();
}
