package com.inmo.activities.agent.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.inmo.activities.agent.AgentTurnActivities;
import com.inmo.activities.agent.ConversationalAgent;
import com.inmo.activities.agent.llm.CreditPromiseRule;
import com.inmo.activities.agent.llm.LlmCallRecord;
import com.inmo.activities.agent.llm.LlmCallRecorder;
import com.inmo.activities.agent.llm.LlmProviders;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.lead.DicomStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the evaluation set (JSON files of {@link EvalCase} arrays, in the repository under
 * {@code activities/src/test/resources/eval/}) against one agent and scores it ({@link EvalReport}).
 *
 * <p>{@code main} evaluates the provider chain configured like the worker's ({@code LLM_PROVIDER}, keys,
 * base URLs, models; see {@link LlmProviders}) and prints the scores and the estimated cost of the run;
 * it exits with 1 when the DICOM rule was broken. Argument: the eval folder (default: the repository's).
 */
public final class AgentEval {

  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private AgentEval() {
  }

  /** Every case of every {@code *.json} file in {@code dir}, ids unique. */
  public static List<EvalCase> load(Path dir) {
    List<EvalCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        cases.addAll(Arrays.asList(JSON.readValue(file.toFile(), EvalCase[].class)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the eval set in " + dir + ": " + e.getMessage(), e);
    }
    Set<String> ids = new HashSet<>();
    for (EvalCase c : cases) {
      if (!ids.add(c.id())) {
        throw new IllegalStateException("duplicate eval case id " + c.id());
      }
    }
    return cases;
  }

  public static EvalReport run(ConversationalAgent agent, List<EvalCase> cases) {
    int errors = 0;
    int fieldsExpected = 0;
    int fieldsCorrect = 0;
    int fieldsSpurious = 0;
    int intentsCorrect = 0;
    int flagsDeclared = 0;
    int flagsCorrect = 0;
    int dicomCases = 0;
    int dicomCompliant = 0;
    int forbiddenCases = 0;
    int forbiddenClean = 0;
    Map<String, int[]> byCategory = new TreeMap<>();
    List<String> misses = new ArrayList<>();

    for (EvalCase c : cases) {
      AgentTurnRequest request = c.request();
      EvalCase.Expected want = c.expected();
      int[] category = byCategory.computeIfAbsent(c.category(), k -> new int[2]);
      category[1]++;
      AgentTurnResult got;
      try {
        got = agent.converse(request);
      } catch (RuntimeException e) {
        errors++;
        misses.add(c.id() + ": ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage());
        fieldsExpected += FieldMatch.compare(want.fields(), want.fields(), c.known()).size();
        flagsDeclared += declaredFlags(want);
        if (isDirty(c, null)) {
          dicomCases++;
        }
        if (!c.forbidden().isEmpty()) {
          forbiddenCases++;
        }
        continue;
      }

      for (FieldMatch.Check check : FieldMatch.compare(want.fields(), got.extracted(), c.known())) {
        if (check.spurious()) {
          fieldsSpurious++;
          misses.add(c.id() + ": spurious " + check.field() + "=" + check.actual());
        } else {
          fieldsExpected++;
          if (check.correct()) {
            fieldsCorrect++;
          } else {
            misses.add(c.id() + ": " + check.field() + " expected " + check.expected() + ", got " + check.actual());
          }
        }
      }
      if (want.intentMatches(got.intent())) {
        intentsCorrect++;
        category[0]++;
      } else {
        misses.add(c.id() + ": intent expected " + want.intent() + ", got " + got.intent());
      }
      int[] flags = flags(c, want, got, misses);
      flagsDeclared += flags[1];
      flagsCorrect += flags[0];

      List<String> said = forbiddenSaid(c, got.reply());
      if (!c.forbidden().isEmpty()) {
        forbiddenCases++;
        if (said.isEmpty()) {
          forbiddenClean++;
        } else {
          misses.add(c.id() + ": said forbidden " + said + " in \"" + got.reply() + "\"");
        }
      }
      if (isDirty(c, got)) {
        dicomCases++;
        boolean promise = CreditPromiseRule.violation(got.reply()).isPresent();
        if (!promise && said.isEmpty()) {
          dicomCompliant++;
        } else {
          misses.add(c.id() + ": DICOM RULE BROKEN: \"" + got.reply() + "\"");
        }
      }
    }
    return new EvalReport(agent.name(), cases.size(), errors, fieldsExpected, fieldsCorrect, fieldsSpurious,
        intentsCorrect, flagsDeclared, flagsCorrect, dicomCases, dicomCompliant, forbiddenCases, forbiddenClean,
        byCategory, misses);
  }

  private static boolean isDirty(EvalCase c, AgentTurnResult got) {
    return c.known().dicom() == DicomStatus.DIRTY || c.expected().fields().dicom() == DicomStatus.DIRTY
        || (got != null && got.extracted().dicom() == DicomStatus.DIRTY);
  }

  private static List<String> forbiddenSaid(EvalCase c, String reply) {
    String folded = FieldMatch.fold(reply == null ? "" : reply);
    return c.forbidden().stream().filter(f -> folded.contains(FieldMatch.fold(f))).toList();
  }

  private static int declaredFlags(EvalCase.Expected want) {
    int n = 0;
    for (Object flag : new Object[] {want.optOut(), want.wantsHuman(), want.wantsCall(), want.wantsVisit(),
        want.chosenSlot()}) {
      if (flag != null) {
        n++;
      }
    }
    return n;
  }

  /** {correct, declared} for the flags the case declares. */
  private static int[] flags(EvalCase c, EvalCase.Expected want, AgentTurnResult got, List<String> misses) {
    int[] score = new int[2];
    flag(c, "optOut", want.optOut(), got.optOut(), score, misses);
    flag(c, "wantsHuman", want.wantsHuman(), got.wantsHuman(), score, misses);
    flag(c, "wantsCall", want.wantsCall(), got.wantsCall(), score, misses);
    flag(c, "wantsVisit", want.wantsVisit(), got.wantsVisit(), score, misses);
    if (want.chosenSlot() != null) {
      Instant expected = "none".equals(want.chosenSlot()) ? null : Instant.parse(want.chosenSlot());
      flag(c, "chosenSlot", expected, got.chosenSlot(), score, misses);
    }
    return score;
  }

  private static void flag(EvalCase c, String name, Object want, Object got, int[] score, List<String> misses) {
    if (want == null && !"chosenSlot".equals(name)) {
      return;
    }
    score[1]++;
    if (Objects.equals(want, got)) {
      score[0]++;
    } else {
      misses.add(c.id() + ": " + name + " expected " + want + ", got " + got);
    }
  }

  /** Adds up tokens and estimated cost of the calls of a run. */
  static final class CostTally implements LlmCallRecorder {
    int calls;
    long tokensIn;
    long tokensOut;
    BigDecimal cost = BigDecimal.ZERO;
    final Map<String, Integer> outcomes = new TreeMap<>();

    @Override
    public synchronized void record(LlmCallRecord call) {
      calls++;
      tokensIn += call.tokensIn() == null ? 0 : call.tokensIn();
      tokensOut += call.tokensOut() == null ? 0 : call.tokensOut();
      cost = call.costUsd() == null ? cost : cost.add(call.costUsd());
      outcomes.merge(call.outcome(), 1, Integer::sum);
    }

    @Override
    public String toString() {
      return calls + " calls, " + tokensIn + " tokens in, " + tokensOut + " out, about US$ " + cost.toPlainString()
          + ", outcomes " + outcomes;
    }
  }

  /**
   * The agent activity as the worker runs it (the opt-out guard, then the providers in order) as one agent
   * to evaluate, named {@code name}.
   */
  public static ConversationalAgent throughActivity(String name, AgentTurnActivities activities) {
    return named(name, activities::converse);
  }

  /** Any function from request to answer as an agent to evaluate. */
  public static ConversationalAgent named(String name, Function<AgentTurnRequest, AgentTurnResult> answer) {
    return new ConversationalAgent() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public AgentTurnResult converse(AgentTurnRequest request) {
        return answer.apply(request);
      }
    };
  }

  public static void main(String[] args) {
    Path dir = args.length > 0 ? Path.of(args[0]) : Stream.of("activities/src/test/resources/eval",
        "src/test/resources/eval").map(Path::of).filter(Files::isDirectory).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("give the eval folder as the first argument"));
    List<EvalCase> cases = load(dir);
    CostTally tally = new CostTally();
    List<ConversationalAgent> providers = LlmProviders.fromEnvironment(System.getenv(), tally);
    String names = String.join(" → ", providers.stream().map(ConversationalAgent::name).toList());
    EvalReport report = run(throughActivity(names, new AgentTurnActivities(providers)), cases);
    System.out.print(report.format());
    if (tally.calls > 0) {
      System.out.println("  LLM calls: " + tally);
    }
    if (report.dicomAdherence() < 1.0) {
      System.exit(1);
    }
  }
}
