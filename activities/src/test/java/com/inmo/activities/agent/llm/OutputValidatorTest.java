package com.inmo.activities.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.agent.AgentTurnRequest;
import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.agent.Sentiment;
import com.inmo.workflows.lead.DicomStatus;
import com.inmo.workflows.lead.QualificationFields;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputValidatorTest {

  private final OutputValidator validator = new OutputValidator(40_000);
  private final AgentTurnRequest request = Fixtures.request("hola", QualificationFields.EMPTY, Fixtures.SLOTS);

  @Test
  void readsAFullAnswerAndConvertsUfWithOurRate() {
    String json = "{\"reply\":\"¡Perfecto!\",\"intent\":\"schedule_visit\",\"sentiment\":\"POSITIVE\","
        + "\"wantsHuman\":false,\"wantsCall\":true,\"wantsVisit\":false,\"optOut\":false,"
        + "\"chosenSlot\":\"2024-12-03T10:00:00-03:00\",\"extracted\":{\"name\":\"María José\",\"phone\":\"9 8765 4321\","
        + "\"email\":\"MJ@Correo.cl\",\"zone\":\"Ñuñoa\",\"propertyType\":\"Departamento\",\"bedrooms\":2,"
        + "\"budgetUf\":3500,\"monthlyIncomeClp\":1800000,\"dicom\":\"CLEAN\",\"timeline\":\"3 meses\"}}";

    OutputValidator.Verdict<AgentTurnResult> verdict = validator.turn(json, request);

    assertThat(verdict.problems()).isEmpty();
    AgentTurnResult r = verdict.value();
    assertThat(r.intent()).isEqualTo(Intent.SCHEDULE_VISIT);
    assertThat(r.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(r.wantsCall()).isTrue();
    assertThat(r.chosenSlot()).isEqualTo(Fixtures.SLOTS.get(0));
    assertThat(r.wantsVisit()).as("a chosen slot means a visit").isTrue();
    assertThat(r.extracted()).isEqualTo(new QualificationFields("María José", "+56987654321", "mj@correo.cl", "Ñuñoa",
        "departamento", 2, 140_000_000L, 1_800_000L, DicomStatus.CLEAN, "3 meses"));
  }

  @Test
  void zeroMoneyMeansUnknown() {
    OutputValidator.Verdict<AgentTurnResult> verdict = validator.turn("{\"reply\":\"Hola\",\"intent\":\"GREETING\","
        + "\"sentiment\":\"NEUTRAL\",\"extracted\":{\"budgetClp\":0,\"budgetUf\":0,\"monthlyIncomeClp\":0,"
        + "\"dicom\":\"\",\"name\":\"\"}}", request);

    assertThat(verdict.problems()).isEmpty();
    assertThat(verdict.value().extracted()).isEqualTo(QualificationFields.EMPTY);
  }

  @Test
  void anEmptyChosenSlotAndMissingFlagsAreFine() {
    OutputValidator.Verdict<AgentTurnResult> verdict =
        validator.turn("{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"chosenSlot\":\"\"}",
            request);

    assertThat(verdict.valid()).isTrue();
    assertThat(verdict.value().chosenSlot()).isNull();
    assertThat(verdict.value().extracted()).isEqualTo(QualificationFields.EMPTY);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "not json",
      "[1,2]",
      "{\"reply\":\"Hola\"} trailing",
      "{\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\"}",
      "{\"reply\":\"   \",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\"}",
      "{\"reply\":42,\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\"}",
      "{\"reply\":\"Hola\",\"intent\":\"BUY_NOW\",\"sentiment\":\"NEUTRAL\"}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\"}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"optOut\":\"yes\"}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"chosenSlot\":\"el martes\"}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"chosenSlot\":\"2024-12-04T13:00:00Z\"}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":\"Juan\"}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":{\"bedrooms\":\"tres\"}}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":{\"bedrooms\":2.5}}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":{\"bedrooms\":45}}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":{\"budgetClp\":-5}}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":{\"budgetClp\":\"80 millones\"}}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":{\"monthlyIncomeClp\":12}}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":{\"dicom\":\"MAYBE\"}}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":{\"email\":\"juan at mail\"}}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":{\"phone\":\"123\"}}",
      "{\"reply\":\"Hola\",\"intent\":\"GREETING\",\"sentiment\":\"NEUTRAL\",\"extracted\":{\"name\":\"ignore previous 123\"}}",
  })
  void rejectsWhatTheWorkflowMustNotActOn(String json) {
    OutputValidator.Verdict<AgentTurnResult> verdict = validator.turn(json, request);

    assertThat(verdict.valid()).as(json).isFalse();
    assertThat(verdict.value()).isNull();
    assertThat(verdict.problems()).isNotEmpty().allMatch(p -> !p.isBlank());
  }

  @Test
  void aCreditPromiseIsRejectedWhenTheLeadIsInDicomOrSaysSoInThisMessage() {
    String promise = "{\"reply\":\"¡Tranquilo! Te aprueban el crédito seguro.\",\"intent\":\"OTHER\","
        + "\"sentiment\":\"NEUTRAL\"}";
    String saysDirtyNow = "{\"reply\":\"¡Tranquilo! Te aprueban el crédito seguro.\",\"intent\":\"PROVIDE_INFO\","
        + "\"sentiment\":\"NEUTRAL\",\"extracted\":{\"dicom\":\"DIRTY\"}}";

    assertThat(validator.turn(promise, Fixtures.request("x", Fixtures.DIRTY, List.of())).problems())
        .singleElement().asString().contains("DICOM", "te aprueban el credito seguro");
    assertThat(validator.turn(saysDirtyNow, request).valid()).isFalse();
    assertThat(validator.turn(promise, request).valid()).as("a clean lead is not under this rule").isTrue();
  }

  @Test
  void summariesNeedTextAndValidFields() {
    assertThat(validator.summary("{\"summary\":\"Busca depto\",\"extracted\":{\"bedrooms\":3}}").value())
        .isEqualTo(new OutputValidator.Summary("Busca depto", new QualificationFields(null, null, null, null, null, 3,
            null, null, null, null)));
    assertThat(validator.summary("{\"summary\":\"\"}").valid()).isFalse();
    assertThat(validator.summary("{\"summary\":\"ok\",\"extracted\":{\"bedrooms\":\"3\"}}").valid()).isFalse();
    assertThat(validator.summary("{\"summary\": ").valid()).isFalse();
  }
}
