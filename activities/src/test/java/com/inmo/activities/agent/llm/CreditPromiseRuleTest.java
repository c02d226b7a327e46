package com.inmo.activities.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditPromiseRuleTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "¡Claro! Tu crédito hipotecario está aprobado.",
      "Con tu renta te aprueban sin problemas.",
      "Te puedo conseguir un preaprobado con el banco.",
      "Te garantizo el financiamiento.",
      "Aunque estés en DICOM, podrás obtener tu crédito hipotecario.",
      "Igual puedes acceder a un crédito, no te preocupes.",
      "Calificas para un crédito hipotecario.",
      "El banco te va a dar el crédito.",
      "Don't worry, your mortgage will be approved.",
      "You can get a loan anyway.",
  })
  void flagsPromisesAndSuggestionsOfApproval(String reply) {
    assertThat(CreditPromiseRule.violation(reply)).as(reply).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Te cuento con transparencia: estando en DICOM, por ahora no es posible optar a un crédito hipotecario.",
      "Sí podemos ver alternativas, como arrendar mientras tanto o un plan de ahorro para el pie.",
      "Lamentablemente hoy no podrías acceder a un crédito hipotecario; ¿te muestro opciones de arriendo?",
      "¿En qué comuna buscas?",
      "Unfortunately you cannot get a mortgage for now, but renting is an option.",
      "",
  })
  void letsHonestAnswersThrough(String reply) {
    assertThat(CreditPromiseRule.violation(reply)).as(reply).isEmpty();
  }
}
