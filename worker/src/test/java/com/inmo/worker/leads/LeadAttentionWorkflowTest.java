package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;

import com.inmo.workflows.activity.MessageRecord;
import com.inmo.workflows.lead.LeadState;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.RetryStepRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lead whose step gave up rests until an operator retries it; what the lead writes meanwhile is kept. */
class LeadAttentionWorkflowTest extends LeadWorkflowTestBase {

  @Test
  void aLeadThatNeedsAttentionRestsInsteadOfRunningItsDueTimersAgainAndAgain() {
    String id = webchatLead("rests");
    says(id, "Hola");
    records.failBrokerConfig.set(1);
    // the follow-up comes due while the api is down; the step gives up after its ten minutes of retries
    env.sleep(Duration.ofMinutes(25));
    LeadView stuck = await(id, LeadView::needsAttention);
    assertThat(stuck.failedStep().step()).isEqualTo("read broker settings");

    // half an hour more of the outage: a resting lead does not try its settings (or anything) again
    int reads = records.brokerConfigReads.get();
    env.sleep(Duration.ofMinutes(30));
    assertThat(records.brokerConfigReads.get()).as("settings read while resting").isEqualTo(reads);

    records.failBrokerConfig.set(0); // the api is back, and nobody has retried yet
    Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> records.brokerConfigReads.get() == reads);

    sayWithId(id, "m-late", "¿Siguen ahí?");
    assertThat(recorded(() -> records.messagesOf(id).stream().anyMatch(m -> m.externalId().equals("m-late")),
        Boolean.TRUE::equals)).as("a message written while the lead rests is recorded").isTrue();
    assertThat(messenger.to(id)).as("and not answered before the retry").hasSize(1);
    assertThat(state(id).needsAttention()).isTrue();

    lead(id).retryFailedStep(new RetryStepRequest("ops-1"));
    LeadView resumed = await(id, v -> !v.needsAttention() && v.pendingInbound() == 0 && v.pendingOutbound() == 0);
    assertThat(messenger.to(id)).as("the late message answered once").hasSize(2);
    assertThat(resumed.followUpsSent()).as("its message restarted the follow-up clock").isZero();
    assertThat(records.messagesOf(id)).filteredOn(m -> m.direction().equals("INBOUND")).hasSize(2);
  }

  @Test
  void whatALeadWritesWhileItsStepNeedsAttentionStaysBoundedAndIsAnsweredTogether() {
    records.failRecordMessage.set(1);
    String id = webchatLead("flood");
    sayWithId(id, "f-0", "Hola");
    env.sleep(Duration.ofMinutes(11));
    await(id, LeadView::needsAttention);

    int sent = 3 * LeadState.MAX_WAITING;
    for (int i = 1; i <= sent; i++) {
      sayWithId(id, "f-" + i, "mensaje " + i);
    }
    env.sleep(Duration.ofMinutes(5));
    LeadView waiting = await(id, v -> v.pendingInbound() <= LeadState.MAX_WAITING);
    assertThat(waiting.needsAttention()).isTrue();

    records.failRecordMessage.set(0);
    lead(id).retryFailedStep(new RetryStepRequest("ops-1"));
    await(id, v -> !v.needsAttention() && v.pendingInbound() == 0 && v.pendingOutbound() == 0);

    List<String> inbound = records.messagesOf(id).stream().filter(m -> m.direction().equals("INBOUND"))
        .map(MessageRecord::body).toList();
    String everything = String.join("\n", inbound);
    for (int i = 1; i <= sent; i++) {
      assertThat(everything).as("message " + i + " is recorded").containsPattern("(?m)^mensaje " + i + "$");
    }
    assertThat(messenger.to(id)).as("the waiting texts are answered together, not one by one").hasSize(1);
  }
}
