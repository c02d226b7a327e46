package com.inmo.activities.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.activities.agent.OptOutGuard.Verdict;
import com.inmo.workflows.agent.AgentTurnResult;
import com.inmo.workflows.agent.Intent;
import com.inmo.workflows.lead.QualificationFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deterministic opt-out guard, phrase by phrase: clear opt-outs (whatever the case, accents or
 * punctuation), refusals that name another way or time to be reached (a human decides), and messages that
 * only look like one (a word inside another word, "baja" the price, "basta" the down payment).
 */
class OptOutGuardTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      STOP                                                          | OPT_OUT
      stop                                                          | OPT_OUT
      Stop.                                                         | OPT_OUT
      STOP!!!                                                       | OPT_OUT
      stop por favor                                                | OPT_OUT
      Por favor, stop                                               | OPT_OUT
      Stop, no quiero nada más                                      | OPT_OUT
      BAJA                                                          | OPT_OUT
      baja.                                                         | OPT_OUT
      Basta                                                         | OPT_OUT
      basta ya!!                                                    | OPT_OUT
      Basta de mensajes                                             | OPT_OUT
      unsubscribe                                                   | OPT_OUT
      No me escriban más                                            | OPT_OUT
      no me escriban mas!!                                          | OPT_OUT
      NO ME ESCRIBAN MÁS                                            | OPT_OUT
      No me escriban                                                | OPT_OUT
      no me escriban más por favor                                  | OPT_OUT
      Por favor no me escribas más                                  | OPT_OUT
      No me contacten nunca más                                     | OPT_OUT
      no me interesa, no me contacten                               | OPT_OUT
      Ya no me interesa, no me molesten más, gracias                | OPT_OUT
      dejen de escribirme                                           | OPT_OUT
      Deja de molestarme                                            | OPT_OUT
      Dejen de llamarme por favor                                   | OPT_OUT
      no me llamen nunca más                                        | OPT_OUT
      Quiero darme de baja                                          | OPT_OUT
      denme de baja                                                 | OPT_OUT
      dar de baja                                                   | OPT_OUT
      Quiero dar de baja la suscripción                             | OPT_OUT
      No quiero que me sigan escribiendo                            | OPT_OUT
      No quiero recibir más mensajes                                | OPT_OUT
      no me vuelvan a escribir                                      | OPT_OUT
      Sáquenme de su lista                                          | OPT_OUT
      ya compré con otra corredora, bórrenme de su lista            | OPT_OUT
      Borren mis datos                                              | OPT_OUT
      No me escriban más por Telegram                               | OPT_OUT
      no me escriban más por Telegram, prefiero WhatsApp            | HAND_OFF
      No me escriban por acá, llámenme al +56 9 8765 4321           | HAND_OFF
      No me llamen más, escríbanme por acá mejor                    | HAND_OFF
      no me escriban más tarde de las 21                            | HAND_OFF
      No me escriban antes de las 9, por favor                      | HAND_OFF
      stop, mejor por correo                                        | HAND_OFF
      ¿Baja el precio si pago al contado?                           | NONE
      ¿Basta con un pie del 20%?                                    | NONE
      Busco algo en planta baja                                     | NONE
      La tasa bajó, ¿me conviene comprar ahora?                     | NONE
      ¿Las puertas tienen stopper?                                  | NONE
      Llegué haciendo autostop jaja                                 | NONE
      No me escribieron ayer, ¿me pueden escribir hoy?              | NONE
      No me interesa ese, ¿tienen otro en Ñuñoa?                    | NONE
      No me llamen ahora, estoy en una reunión                      | NONE
      No me molesta que me escriban por WhatsApp                    | NONE
      Quiero dar de baja mi antiguo contrato de arriendo            | NONE
      No quiero darme de baja, solo cambiar mi número               | NONE
      Mi jefe dice basta de arrendar, quiero comprar                | NONE
      dejen de mandarme ofertas de Las Condes, busco en Ñuñoa       | NONE
      Quiero que me llamen mañana                                   | NONE
      Hola, busco departamento de 2 dormitorios en Providencia      | NONE
      """)
  void readsTheMessage(String message, Verdict expected) {
    assertThat(OptOutGuard.read(message)).isEqualTo(expected);
  }

  @Test
  void nothingToReadIsNotAnOptOut() {
    assertThat(OptOutGuard.read(null)).isEqualTo(Verdict.NONE);
    assertThat(OptOutGuard.read("   ")).isEqualTo(Verdict.NONE);
  }

  @Test
  void aClearOptOutIsAnsweredWithTheFixedConfirmation() {
    AgentTurnResult result = OptOutGuard.answer("Dejen de escribirme").orElseThrow();

    assertThat(result.optOut()).isTrue();
    assertThat(result.intent()).isEqualTo(Intent.OPT_OUT);
    assertThat(result.reply()).isEqualTo(OptOutGuard.OPT_OUT_REPLY);
    assertThat(result.wantsHuman()).isFalse();
    assertThat(result.wantsCall()).isFalse();
    assertThat(result.wantsVisit()).isFalse();
    assertThat(result.chosenSlot()).isNull();
    assertThat(result.extracted()).isEqualTo(QualificationFields.EMPTY);
  }

  @Test
  void aRefusalNamingAnotherWayGoesToAPersonWithoutOptingOut() {
    AgentTurnResult result = OptOutGuard.answer("no me escriban más por Telegram, prefiero WhatsApp").orElseThrow();

    assertThat(result.optOut()).isFalse();
    assertThat(result.wantsHuman()).isTrue();
    assertThat(result.intent()).isEqualTo(Intent.REQUEST_HUMAN);
    assertThat(result.reply()).isEqualTo(OptOutGuard.HAND_OFF_REPLY);
  }

  @Test
  void anyOtherMessageIsLeftToTheAgent() {
    assertThat(OptOutGuard.answer("¿Baja el precio si pago al contado?")).isEmpty();
  }
}
