package com.inmo.activities.agent.llm;

import com.inmo.activities.agent.ConversationalAgent;
import com.inmo.activities.agent.llm.OutputValidator.Summary;
import com.inmo.activities.agent.llm.OutputValidator.Verdict;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One LLM provider (Gemini, Claude or OpenAI through langchain4j) as a {@link ConversationalAgent}.
 *
 * <p>A turn is one call asking for the {@code agent_turn} JSON through the provider's structured-output
 * mechanism. The answer is validated ({@link OutputValidator}); an invalid one is sent back once with the
 * problems, and if the second answer is invalid too the lead gets {@link SafeReplies#FALLBACK}: bad output
 * never throws. What does throw is the provider itself (HTTP 429, 5xx, timeouts, auth): that exception
 * reaches the provider chain, which counts it in the provider's circuit breaker and tries the next one,
 * and finally Temporal, which retries the activity. Every HTTP call is reported to the
 * {@link LlmCallRecorder}, and a recorder failure never fails the turn.
 */
public final class LlmConversationalAgent implements AgentProvider {

  static final int MAX_TRANSCRIPT_CHARS = 30_000;

  private final ProviderKind kind;
  private final String configuredModel;
  private final ChatModel model;
  private final StructuredOutput.Mode mode;
  private final AgentPrompt prompt;
  private final PromptTemplate summaryPrompt;
  private final OutputValidator validator;
  private final LlmCallRecorder recorder;
  private final Clock clock;

  public LlmConversationalAgent(ProviderKind kind, String configuredModel, ChatModel model, StructuredOutput.Mode mode,
                                AgentPrompt prompt, PromptTemplate summaryPrompt, OutputValidator validator,
                                LlmCallRecorder recorder, Clock clock) {
    this.kind = kind;
    this.configuredModel = configuredModel;
    this.model = model;
    this.mode = mode;
    this.prompt = prompt;
    this.summaryPrompt = summaryPrompt;
    this.validator = validator;
    this.recorder = LlmCallRecorder.safe(recorder);
    this.clock = clock;
  }

  /** The provider described by {@code settings}, with the default prompts and validator. */
  public static LlmConversationalAgent create(ProviderSettings settings, LlmCallRecorder recorder) {
    return create(settings, new AgentPrompt(), recorder);
  }

  public static LlmConversationalAgent create(ProviderSettings settings, AgentPrompt prompt, LlmCallRecorder recorder) {
    return new LlmConversationalAgent(settings.kind(), settings.modelName(), ChatModels.build(settings),
        ChatModels.outputMode(settings.kind()), prompt, PromptTemplate.load("summary-v1.es"), new OutputValidator(),
        recorder, Clock.systemUTC());
  }

  @Override
  public String name() {
    return kind.id();
  }

  public String modelName() {
    return configuredModel;
  }

  @Override
  public AgentTurnResult converse(AgentTurnRequest request) {
    return structured(request.leadId(), "turn", prompt.templateId(), prompt.messages(request),
        StructuredOutput.TURN_NAME, StructuredOutput.TURN, json -> validator.turn(json, request),
        SafeReplies.FALLBACK);
  }

  @Override
  public TranscriptSummary summarize(TranscriptRequest request) {
    String persona = request.persona() != null && request.persona().name() != null ? request.persona().name()
        : "Sofía";
    String broker = request.persona() != null && request.persona().brokerName() != null
        ? request.persona().brokerName() : "la corredora";
    String system = summaryPrompt.render(Map.of("personaName", persona, "brokerName", broker,
        "knownFields", AgentPrompt.neutralize(AgentPrompt.knownJson(request.known()))));
    String transcript = request.transcript().length() > MAX_TRANSCRIPT_CHARS
        ? request.transcript().substring(0, MAX_TRANSCRIPT_CHARS) : request.transcript();
    List<ChatMessage> messages = List.of(SystemMessage.from(system),
        UserMessage.from("<transcripcion>\n" + AgentPrompt.neutralize(transcript) + "\n</transcripcion>"));
    Summary summary = structured(request.leadId(), "summary", summaryPrompt.id(), messages,
        StructuredOutput.SUMMARY_NAME, StructuredOutput.SUMMARY, validator::summary,
        new Summary(SafeReplies.SUMMARY_UNAVAILABLE, null));
    return new TranscriptSummary(summary.summary(), summary.extracted(), name());
  }

  /** Ask, validate, repair once, fall back; record every call with the final outcome. */
  private <T> T structured(String leadId, String purpose, String promptVersion, List<ChatMessage> messages,
                           String schemaName, JsonObjectSchema schema, Function<String, Verdict<T>> read,
                           T fallback) {
    String turnId = UUID.randomUUID().toString();
    List<Call> calls = new ArrayList<>();
    String outcome;
    String error = null;
    T value;
    try {
      Call first = call(messages, schemaName, schema);
      calls.add(first);
      Verdict<T> verdict = read.apply(first.json());
      if (verdict.valid()) {
        value = verdict.value();
        outcome = LlmCallRecord.OK;
      } else {
        List<ChatMessage> repair = new ArrayList<>(messages);
        repair.add(AiMessage.from(first.json() == null || first.json().isBlank() ? "(respuesta vacía)" : first.json()));
        repair.add(UserMessage.from("Tu respuesta anterior fue rechazada por estos problemas:\n- "
            + String.join("\n- ", verdict.problems())
            + "\nResponde de nuevo con un único objeto JSON válido (esquema \"" + schemaName
            + "\") que corrija todos los problemas. Las reglas del sistema siguen vigentes."));
        Call second = call(repair, schemaName, schema);
        calls.add(second);
        Verdict<T> retried = read.apply(second.json());
        if (retried.valid()) {
          value = retried.value();
          outcome = LlmCallRecord.REPAIRED;
          error = String.join("; ", verdict.problems());
        } else {
          value = fallback;
          outcome = LlmCallRecord.FALLBACK;
          error = String.join("; ", retried.problems());
        }
      }
    } catch (RuntimeException e) {
      calls.add(failedCall(e));
      RuntimeException original = e instanceof CallFailed ? (RuntimeException) e.getCause() : e;
      record(turnId, leadId, purpose, promptVersion, calls, LlmCallRecord.ERROR,
          original.getClass().getSimpleName() + ": " + original.getMessage());
      throw original;
    }
    record(turnId, leadId, purpose, promptVersion, calls, outcome, error);
    return value;
  }

  private Call call(List<ChatMessage> messages, String schemaName, JsonObjectSchema schema) {
    Instant at = clock.instant();
    long start = System.nanoTime();
    try {
      ChatResponse response = model.chat(StructuredOutput.request(messages, mode, schemaName, schema));
      long latency = (System.nanoTime() - start) / 1_000_000;
      TokenUsage usage = response.tokenUsage();
      String answered = response.modelName() != null ? response.modelName() : configuredModel;
      return new Call(at, latency, answered, usage == null ? null : usage.inputTokenCount(),
          usage == null ? null : usage.outputTokenCount(), StructuredOutput.jsonOf(response.aiMessage()));
    } catch (RuntimeException e) {
      throw new CallFailed(e, at, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private Call failedCall(RuntimeException e) {
    if (e instanceof CallFailed failed) {
      return new Call(failed.at, failed.latencyMs, configuredModel, null, null, null);
    }
    return new Call(clock.instant(), 0, configuredModel, null, null, null);
  }

  private void record(String turnId, String leadId, String purpose, String promptVersion, List<Call> calls,
                      String outcome, String error) {
    String shortError = error == null ? null : error.length() > 500 ? error.substring(0, 497) + "..." : error;
    for (int i = 0; i < calls.size(); i++) {
      Call c = calls.get(i);
      recorder.record(new LlmCallRecord(turnId, leadId, purpose, name(), c.model(), promptVersion, i + 1,
          c.latencyMs(), c.tokensIn(), c.tokensOut(), ModelPrices.estimate(c.model(), c.tokensIn(), c.tokensOut()),
          outcome, shortError, c.at()));
    }
  }

  private record Call(Instant at, long latencyMs, String model, Integer tokensIn, Integer tokensOut, String json) {
  }

  /** Carries the timing of a failed call to the record; unwrapped before it leaves this class. */
  private static final class CallFailed extends RuntimeException {
    final transient Instant at;
    final long latencyMs;

    CallFailed(RuntimeException cause, Instant at, long latencyMs) {
      super(cause);
      this.at = at;
      this.latencyMs = latencyMs;
    }
  }
}
