package com.inmo.activities.agent.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.inmo.activities.agent.ConversationalAgent;
import com.inmo.activities.agent.llm.OutputValidator;
import com.inmo.activities.agent.llm.SafeReplies;
import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.agent.Sentiment;
import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval set is well formed, and the scoring tells a perfect agent from a bad one. */
class EvalSetTest {

  private final List<EvalCase> cases = AgentEvalTest.evalSet();
  private final Map<String, EvalCase> byRequest = cases.stream()
      .collect(Collectors.toMap(c -> c.request().leadId(), Function.identity()));

  @Test
  void coversEveryTopicTheBriefNames() {
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    assertThat(cases.stream().map(EvalCase::category).collect(Collectors.toSet())).contains("greeting", "names",
        "contact data", "budget", "dicom", "visit", "property question", "opt-out", "human", "frustration",
        "prompt injection");
    assertThat(cases).filteredOn(c -> c.expected().fields().budgetClp() != null).hasSizeGreaterThanOrEqualTo(5);
    assertThat(cases).filteredOn(c -> c.message().contains("UF")).hasSizeGreaterThanOrEqualTo(3);
    for (DicomStatus status : DicomStatus.values()) {
      assertThat(cases).as("DICOM " + status).anyMatch(c -> c.expected().fields().dicom() == status);
    }
    assertThat(cases).allMatch(c -> c.request().persona().name() != null);
  }

  @Test
  void everyExpectationIsSomethingAValidAnswerCouldSay() {
    OutputValidator validator = new OutputValidator();
    for (EvalCase c : cases) {
      if (c.expected().chosenSlot() != null && !c.expected().chosenSlot().equals("none")) {
        assertThat(c.offeredSlots()).as(c.id()).contains(Instant.parse(c.expected().chosenSlot()));
      }
      OutputValidator.Verdict<AgentTurnResult> verdict = validator.turn(oracleJson(c), c.request());
      assertThat(verdict.problems()).as(c.id()).isEmpty();
      assertThat(verdict.value().extracted()).as(c.id()).isEqualTo(c.expected().fields());
    }
  }

  @Test
  void aPerfectAgentScoresFullMarks() {
    EvalReport report = AgentEval.run(agent("oracle", request -> oracle(byRequest.get(request.leadId()))), cases);

    assertThat(report.fieldAccuracy()).isEqualTo(1.0);
    assertThat(report.intentAccuracy()).isEqualTo(1.0);
    assertThat(report.flagAccuracy()).isEqualTo(1.0);
    assertThat(report.dicomAdherence()).isEqualTo(1.0);
    assertThat(report.misses()).isEmpty();
  }

  @Test
  void aCreditPromiseOrAForbiddenStatementIsCaught() {
    ConversationalAgent promising = agent("promising", request -> {
      AgentTurnResult perfect = oracle(byRequest.get(request.leadId()));
      return new AgentTurnResult("¡Listo, tu crédito hipotecario está aprobado!", perfect.extracted(),
          perfect.intent(), perfect.sentiment(), perfect.wantsHuman(), perfect.wantsCall(), perfect.wantsVisit(),
          perfect.chosenSlot(), perfect.optOut());
    });

    EvalReport report = AgentEval.run(promising, cases);

    assertThat(report.dicomAdherence()).isZero();
    assertThat(report.forbiddenAdherence()).isLessThan(1.0);
    assertThat(report.misses()).anyMatch(m -> m.contains("DICOM RULE BROKEN"));
  }

  @Test
  void theSafeFallbackScoresBadlyAndFailuresCountAsErrors() {
    EvalReport fallback = AgentEval.run(agent("fallback", request -> SafeReplies.FALLBACK), cases);
    assertThat(fallback.fieldAccuracy()).isZero();
    assertThat(fallback.intentAccuracy()).isLessThan(AgentEvalTest.MIN_INTENT_ACCURACY);

    EvalReport down = AgentEval.run(agent("down", request -> {
      throw new IllegalStateException("429");
    }), cases);
    assertThat(down.errors()).isEqualTo(cases.size());
    assertThat(down.fieldAccuracy()).isZero();
    assertThat(down.dicomAdherence()).isZero();
  }

  @Test
  void spuriousFieldsCountAgainstAccuracyButRepeatingAKnownValueDoesNot() {
    EvalCase c = cases.stream().filter(x -> x.id().equals("contact-02")).findFirst().orElseThrow();
    AgentTurnResult perfect = oracle(c);
    QualificationFields withKnownName = new QualificationFields(c.known().name(), null,
        perfect.extracted().email(), null, null, null, null, null, null, null);
    QualificationFields withInvented = new QualificationFields(null, null, perfect.extracted().email(), null, null,
        null, 1_000_000L, null, null, null);

    assertThat(AgentEval.run(agent("repeat", r -> withFields(perfect, withKnownName)), List.of(c)).fieldAccuracy())
        .isEqualTo(1.0);
    assertThat(AgentEval.run(agent("invent", r -> withFields(perfect, withInvented)), List.of(c)).fieldAccuracy())
        .isEqualTo(0.5);
  }

  @Test
  void aTypoInTheEvalFilesIsAnErrorNotASilentZero(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bad.json"),
        "[{\"id\":\"x\",\"message\":\"hola\",\"expected\":{\"intent\":\"GREETING\",\"feilds\":{}}}]");
    assertThatThrownBy(() -> AgentEval.load(dir)).hasMessageContaining("feilds");
  }

  private static AgentTurnResult withFields(AgentTurnResult r, QualificationFields f) {
    return new AgentTurnResult(r.reply(), f, r.intent(), r.sentiment(), r.wantsHuman(), r.wantsCall(), r.wantsVisit(),
        r.chosenSlot(), r.optOut());
  }

  /** What a perfect agent would answer for this case. */
  static AgentTurnResult oracle(EvalCase c) {
    EvalCase.Expected e = c.expected();
    Instant slot = e.chosenSlot() == null || e.chosenSlot().equals("none") ? null : Instant.parse(e.chosenSlot());
    return new AgentTurnResult("Entendido, te ayudo con eso.", e.fields(), e.intent(), Sentiment.NEUTRAL,
        Boolean.TRUE.equals(e.wantsHuman()), Boolean.TRUE.equals(e.wantsCall()),
        Boolean.TRUE.equals(e.wantsVisit()) || slot != null, slot, Boolean.TRUE.equals(e.optOut()));
  }

  private static String oracleJson(EvalCase c) {
    AgentTurnResult r = oracle(c);
    ObjectNode root = AgentEval.JSON.createObjectNode();
    root.put("reply", r.reply());
    root.put("intent", r.intent().name());
    root.put("sentiment", r.sentiment().name());
    root.put("wantsHuman", r.wantsHuman());
    root.put("wantsCall", r.wantsCall());
    root.put("wantsVisit", r.wantsVisit());
    root.put("optOut", r.optOut());
    root.put("chosenSlot", r.chosenSlot() == null ? "" : r.chosenSlot().toString());
    root.set("extracted", AgentEval.JSON.valueToTree(r.extracted()));
    return root.toString();
  }

  private static ConversationalAgent agent(String name, Function<AgentTurnRequest, AgentTurnResult> answer) {
    return AgentEval.named(name, answer);
  }
}
