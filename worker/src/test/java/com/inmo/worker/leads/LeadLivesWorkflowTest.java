package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.lead.LeadOutcome;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadView;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lead whose run ended (closed, quiet for 30 days) and who writes again is a new life of the same lead. */
class LeadLivesWorkflowTest extends LeadWorkflowTestBase {

  @Test
  void aLeadWhoWritesAfterTheirRunEndedIsAnsweredAndKeepsTheirHistory() throws Exception {
    String id = webchatLead("returns");
    says(id, "Hola, me llamo Julia Pérez y busco un departamento en Ñuñoa");
    env.sleep(Duration.ofDays(8));
    await(id, v -> v.stage() == LeadStage.LOST && v.pendingOutbound() == 0);
    LeadOutcome ended = client.newUntypedWorkflowStub(id).getResult(20, TimeUnit.SECONDS, LeadOutcome.class);
    assertThat(ended.reason()).isEqualTo("no response");
    int firstLifeReplies = messenger.to(id).size();
    int firstLifeMessages = records.messagesOf(id).size();

    says(id, "Hola de nuevo, ¿todavía tienen departamentos en Ñuñoa?");

    assertThat(messenger.to(id)).as("the returning lead is answered").hasSize(firstLifeReplies + 1);
    List<MessageRecord> conversation = records.messagesOf(id);
    assertThat(conversation).as("the first life's messages are still there, the new ones added")
        .hasSizeGreaterThanOrEqualTo(firstLifeMessages + 2);
    assertThat(conversation).extracting(MessageRecord::externalId).doesNotHaveDuplicates();
    LeadView returned = state(id);
    assertThat(returned.fields().name()).as("what the lead told in their first life").isEqualTo("Julia Pérez");
    assertThat(returned.fields().zone()).isEqualTo("Ñuñoa");
    assertThat(returned.stage()).as("the stage the read model holds").isEqualTo(LeadStage.LOST);
    assertThat(records.leads.get(id).fields().name()).as("the row is not reset by the new run").isEqualTo("Julia Pérez");
  }
}
