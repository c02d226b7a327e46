package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.activity.TaskKind;
import com.inmo.workflows.lead.CallNowRequest;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.QualificationFields;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A number typed in the conversation may be anyone's: the AI calls it only once the lead confirms it, or once a
 * person of the team calls it from the dashboard; meanwhile the inbox holds a task to approve the call.
 */
class CallConsentWorkflowTest extends LeadWorkflowTestBase {

  @Test
  void aTypedNumberIsCalledOnlyOnceTheLeadConfirmsIt() {
    voice.webhookArrives = false;
    String id = webchatLead("consent");
    says(id, "Hola, soy Marta Díaz y mi teléfono es +56 9 8765 4321");
    says(id, "¿Me pueden llamar?");

    assertThat(lastReply(id)).contains("+56987654321").contains("confirmas");
    assertThat(state(id).callAttempts()).isZero();
    assertThat(records.openTasksOf(id)).extracting("kind").containsExactly(TaskKind.APPROVE_CALL.name());
    env.sleep(Duration.ofMinutes(5));
    assertThat(voice.started).as("nobody is called before the lead confirms").isEmpty();

    say(id, "Sí, ese es");
    LeadView calling = await(id, v -> v.activeCallId() != null);
    assertThat(calling.callAttempts()).isEqualTo(1);
    assertThat(recorded(() -> voice.started.size(), n -> n == 1)).isEqualTo(1);
    assertThat(voice.started.get(0).phone()).isEqualTo("+56987654321");
    assertThat(records.openTasksOf(id)).as("the approval task is done").isEmpty();
  }

  @Test
  void aLeadWhoDoesNotConfirmIsNotCalled() {
    String id = webchatLead("declines");
    says(id, "Hola, soy Pedro Soto y mi teléfono es +56 9 1111 2222");
    says(id, "Llámame");
    says(id, "No, mejor sigamos por aquí");

    env.sleep(Duration.ofMinutes(30));
    assertThat(voice.started).isEmpty();
    assertThat(state(id).nextCallAt()).isNull();
    assertThat(records.openTasksOf(id)).isEmpty();
  }

  @Test
  void aPersonCallingFromTheDashboardIsTheApproval() {
    voice.webhookArrives = false;
    String id = webchatLead("approved");
    says(id, "Hola, soy Rosa Vidal y mi teléfono es +56 9 3333 4444");
    says(id, "¿Me pueden llamar?");
    assertThat(records.openTasksOf(id)).hasSize(1);

    lead(id).callNow(new CallNowRequest("u-1"));

    assertThat(recorded(() -> voice.started.size(), n -> n == 1)).isEqualTo(1);
    assertThat(records.openTasksOf(id)).isEmpty();
  }

  @Test
  void aNumberTheChannelGaveIsCalledWithoutAsking() {
    voice.webhookArrives = false;
    String id = webchatLead("shared");
    says(id, "Hola, soy Luz Mena");
    send(id, new InboundMessage("tg-c1", com.inmo.workflows.lead.MessageKind.CONTACT, "[contacto compartido]", now(),
        QualificationFields.EMPTY.withPhone("+56987650000"), null));
    settled(id);
    say(id, "Llámame por favor");

    await(id, v -> v.activeCallId() != null);
    assertThat(records.openTasksOf(id)).isEmpty();
  }
}
