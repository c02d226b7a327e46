package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.RetryStepRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadResilienceWorkflowTest extends LeadWorkflowTestBase {

  @Test
  void aStepThatExhaustsItsRetriesNeedsAttentionAndTheRetryResumesIt() {
    records.failRecordMessage.set(1);
    String id = webchatLead("down");
    say(id, "Hola, soy Marta Díaz");

    env.sleep(Duration.ofMinutes(11));
    LeadView stuck = await(id, LeadView::needsAttention);
    assertThat(stuck.failedStep().step()).isEqualTo("record message");
    assertThat(stuck.failedStep().error()).contains("the api is down");
    assertThat(stuck.pendingInbound()).isEqualTo(1);
    assertThat(records.notifications).extracting("kind").contains("NEEDS_ATTENTION");
    assertThat(recorded(() -> records.leads.get(id).needsAttention(), Boolean.TRUE::equals)).isTrue();

    records.failRecordMessage.set(0);
    lead(id).retryFailedStep(new RetryStepRequest("ops-1"));
    LeadView resumed = await(id, v -> !v.needsAttention() && v.pendingInbound() == 0 && v.pendingOutbound() == 0);

    assertThat(resumed.fields().name()).isEqualTo("Marta Díaz");
    assertThat(messenger.to(id)).hasSize(1);
    assertThat(recorded(() -> records.leads.get(id).needsAttention(), Boolean.FALSE::equals)).isFalse();
  }

  @Test
  void continueAsNewCarriesStateAndTheSeenMessageIds() {
    historyLimit = 60;
    String id = webchatLead("long");
    sayWithId(id, "x-1", "Hola, me llamo Rosa Vidal");
    settled(id);
    for (int i = 2; i <= 12; i++) {
      sayWithId(id, "x-" + i, "Busco departamento en Providencia, mensaje " + i);
      settled(id);
    }
    String firstRun = client.fetchHistory(id).getEvents().get(0).getWorkflowExecutionStartedEventAttributes()
        .getContinuedExecutionRunId();
    assertThat(firstRun).as("the lead continued as new").isNotEmpty();

    int inbound = (int) records.messagesOf(id).stream().filter(m -> m.direction().equals("INBOUND")).count();
    sayWithId(id, "x-1", "Hola, me llamo Rosa Vidal");
    sayWithId(id, "x-5", "Busco departamento en Providencia, mensaje 5");
    LeadView after = settled(id);

    assertThat(records.messagesOf(id).stream().filter(m -> m.direction().equals("INBOUND")).count()).isEqualTo(inbound);
    assertThat(after.fields().name()).isEqualTo("Rosa Vidal");
    assertThat(after.fields().zone()).isEqualTo("Providencia");
    assertThat(after.stage()).isEqualTo(LeadStage.PROFILING);
    assertThat(after.score().engagement()).isEqualTo(15);
  }
}
