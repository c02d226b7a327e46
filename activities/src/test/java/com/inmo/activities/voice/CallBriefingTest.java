package com.inmo.activities.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.activity.StartCallRequest;
import com.inmo.workflows.lead.QualificationFields;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallBriefingTest {

  static final VoiceProfile PROFILE = new VoiceProfile("demo", "Inmobiliaria Demo", "Sofía", "cercano",
      List.of("Providencia"), "America/Santiago", "CL", "es");

  static StartCallRequest call(String purpose, QualificationFields fields) {
    return new StartCallRequest("cw", "lw", UUID.randomUUID(), "demo", "+56987654321", purpose, "k", null, fields);
  }

  @Test
  void everyPurposeOfTheLeadWorkflowHasItsOwnObjective() {
    for (String purpose : List.of("INITIAL_QUALIFICATION", "FINANCIAL_QUALIFICATION", "VISIT_CONFIRMATION",
        "POST_VISIT", "REACTIVATION")) {
      assertThat(CallBriefing.instructions(call(purpose, null), PROFILE))
          .contains("Objetivo de esta llamada: " + CallBriefing.PURPOSES.get(purpose));
    }
    assertThat(CallBriefing.instructions(call("SOMETHING_NEW", null), PROFILE))
        .contains(CallBriefing.PURPOSES.get("INITIAL_QUALIFICATION"));
  }

  @Test
  void whatIsKnownIsListedSoItIsNotAskedAgain() {
    String text = CallBriefing.instructions(call("INITIAL_QUALIFICATION", QualificationFields.EMPTY
        .withZone("Ñuñoa")), PROFILE);
    assertThat(text).contains("no lo vuelvas a preguntar").contains("Comuna o zona: Ñuñoa").doesNotContain("Nombre:");
    assertThat(CallBriefing.instructions(call("INITIAL_QUALIFICATION", null), PROFILE))
        .contains("Aún no sabemos nada del cliente");
    assertThat(CallBriefing.firstMessage(call("POST_VISIT", null), PROFILE))
        .isEqualTo("¡Hola! Te habla Sofía, de Inmobiliaria Demo. Te llamo para saber cómo te fue en la visita. "
            + "¿Tienes un minuto?");
  }
}
