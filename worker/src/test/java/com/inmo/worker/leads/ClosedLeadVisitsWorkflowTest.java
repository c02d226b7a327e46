package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.workflows.activity.SlotQuery;
import com.inmo.workflows.lead.BookVisitRequest;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.MoveStageRequest;
import com.inmo.workflows.lead.OptOutRequest;
import io.temporal.client.WorkflowUpdateException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The rule for visits of closed leads: the AI offers a closed lead no visit and hands it to a person; a LOST
 * lead never holds a booked visit; an agent who books one for a lost lead reopens it as SCHEDULED.
 */
class ClosedLeadVisitsWorkflowTest extends LeadWorkflowTestBase {

  @Test
  void aLeadLostForItsCreditRecordIsHandedToAPersonWhenItAsksForAVisit() {
    String id = lostForDicom("dicom");
    says(id, "Quiero agendar una visita");

    LeadView handed = state(id);
    assertThat(handed.stage()).isEqualTo(LeadStage.LOST);
    assertThat(handed.offeredSlots()).as("no slots offered to a lost lead").isEmpty();
    assertThat(handed.humanMode()).as("a person takes it").isTrue();
    assertThat(lastReply(id)).contains("agente");
    assertThat(records.notifications).extracting("kind").contains("HUMAN_REQUESTED");

    says(id, "La primera");
    assertThat(state(id).appointment()).as("nothing to book by itself").isNull();
    assertThat(calendar.appointments).isEmpty();
  }

  @Test
  void slotsOfferedBeforeTheLeadWasLostCannotBeBookedAfterwards() {
    String id = webchatLead("offered");
    says(id, "Me llamo Ana Rojas, busco un departamento de 2 dormitorios en Providencia");
    says(id, "Quiero agendar una visita");
    assertThat(state(id).offeredSlots()).isNotEmpty();
    lead(id).moveStage(new MoveStageRequest("u-1", LeadStage.LOST, "compró con otra corredora"));

    says(id, "La primera");

    assertThat(state(id).appointment()).isNull();
    assertThat(calendar.appointments).isEmpty();
  }

  @Test
  void anAgentBookingAVisitForALostLeadReopensItAsScheduled() {
    String id = lostForDicom("reopen");
    Instant slot = calendar.availableSlots(new SlotQuery("demo", now(), 7, 1)).slots().get(0);

    LeadView booked = lead(id).bookVisit(new BookVisitRequest("u-1", slot));

    assertThat(booked.stage()).isEqualTo(LeadStage.SCHEDULED);
    assertThat(booked.appointment().booked()).isTrue();
    assertThat(recorded(() -> records.leads.get(id).stage(), LeadStage.SCHEDULED::equals))
        .as("the dashboard's row agrees").isEqualTo(LeadStage.SCHEDULED);
    assertThat(records.stageMoves).last().satisfies(m -> {
      assertThat(m.from()).isEqualTo(LeadStage.LOST);
      assertThat(m.to()).isEqualTo(LeadStage.SCHEDULED);
      assertThat(m.actor()).isEqualTo("u-1");
    });
  }

  @Test
  void aLeadWithABookedVisitIsNotMovedToLostWithoutCancellingIt() {
    String id = scheduled("keeps");
    assertThatThrownBy(() -> lead(id).moveStage(new MoveStageRequest("u-1", LeadStage.LOST, "no califica")))
        .isInstanceOf(WorkflowUpdateException.class).rootCause().hasMessageContaining("cancel it first");
    assertThat(state(id).stage()).isEqualTo(LeadStage.SCHEDULED);
  }

  @Test
  void anOptOutCancelsTheBookedVisit() {
    String id = scheduled("stops");
    lead(id).optOut(new OptOutRequest("lead", "no quiere más mensajes"));

    LeadView out = await(id, v -> v.optedOut() && v.stage() == LeadStage.LOST && !v.appointment().booked());
    assertThat(out.appointment().booked()).isFalse();
    assertThat(calendar.booked).as("the slot is free again").isEmpty();
  }

  private String lostForDicom(String session) {
    String id = webchatLead(session);
    says(id, "Me llamo Ana Rojas, busco un departamento de 2 dormitorios en Providencia");
    says(id, "Mi presupuesto es de 4.000 UF y mi teléfono es +56 9 8765 4321");
    says(id, "Gano 3 millones al mes pero estoy en DICOM");
    assertThat(state(id).stage()).as("lost for its credit record").isEqualTo(LeadStage.LOST);
    return id;
  }

  private String scheduled(String session) {
    String id = webchatLead(session);
    says(id, "Me llamo Ana Rojas, busco un departamento de 2 dormitorios en Providencia");
    says(id, "Quiero agendar una visita");
    says(id, "La primera");
    assertThat(state(id).stage()).isEqualTo(LeadStage.SCHEDULED);
    return id;
  }
}
