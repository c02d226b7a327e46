package com.inmo.activities.agent.llm;

/**
 * Where every model call is reported. Implementations must not throw into the turn; {@link #safe} makes
 * sure of it for any implementation.
 */
public interface LlmCallRecorder {

  LlmCallRecorder NONE = call -> { };

  void record(LlmCallRecord call);

  /** This recorder, with any exception it throws swallowed (recording never fails a turn). */
  static LlmCallRecorder safe(LlmCallRecorder recorder) {
    if (recorder == null) {
      return NONE;
    }
    return call -> {
      try {
        recorder.record(call);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(LlmCallRecorder.class)
            .warn("could not record an LLM call of {}: {}", call.provider(), e.toString());
      }
    };
  }
}
