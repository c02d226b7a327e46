package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.inmo.workflows.activity.StageMoveRecord;
import com.inmo.workflows.broker.BusinessHours;
import com.inmo.workflows.lead.BookVisitRequest;
import com.inmo.workflows.lead.InboundMessage;
import com.inmo.workflows.lead.QualificationFields;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.LeadWorkflowIds;
import com.inmo.workflows.lead.MoveStageRequest;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LeadConversationWorkflowTest extends LeadWorkflowTestBase {

  @Test
  void aLeadChatsFromHelloToABookedVisitAndGetsBothRemindersAndTheFollowUp() {
    String id = webchatLead("journey");

    says(id, "Hola");
    assertThat(lastReply(id)).contains("Sofía");
    says(id, "Me llamo Juan Pérez, busco un departamento de 2 dormitorios en Ñuñoa");
    says(id, "Mi presupuesto es de 3.500 UF y mi teléfono es +56 9 8123 4567");
    says(id, "Gano 2 millones al mes y no estoy en DICOM");
    LeadView qualified = state(id);
    assertThat(qualified.fields().name()).isEqualTo("Juan Pérez");
    assertThat(qualified.fields().zone()).isEqualTo("Ñuñoa");
    assertThat(qualified.fields().phone()).isEqualTo("+56981234567");
    assertThat(qualified.stage()).isEqualTo(LeadStage.POTENTIAL);

    says(id, "Quiero agendar una visita");
    List<Instant> offered = state(id).offeredSlots();
    assertThat(offered).hasSize(3);
    says(id, "La primera");

    LeadView scheduled = state(id);
    assertThat(scheduled.stage()).isEqualTo(LeadStage.SCHEDULED);
    assertThat(scheduled.appointment().booked()).isTrue();
    assertThat(scheduled.appointment().start()).isEqualTo(offered.get(0));
    assertThat(records.stageMoves).extracting(StageMoveRecord::to).containsExactly(LeadStage.PROFILING,
        LeadStage.FINANCIAL_QUALIFICATION, LeadStage.POTENTIAL, LeadStage.SCHEDULED);
    assertThat(records.stageMoves).extracting(StageMoveRecord::actor).containsOnly("ai");
    assertThat(recorded(() -> records.leads.get(id).stage(), LeadStage.SCHEDULED::equals)).isEqualTo(LeadStage.SCHEDULED);

    Instant visit = scheduled.appointment().start();
    env.sleep(Duration.between(now(), visit.minus(Duration.ofHours(24)).plusSeconds(60)));
    await(id, v -> v.appointment().reminded24h() && v.pendingOutbound() == 0);
    assertThat(lastReply(id)).startsWith("Recordatorio: mañana");
    env.sleep(Duration.between(now(), visit.minus(Duration.ofHours(1)).plusSeconds(60)));
    await(id, v -> v.appointment().reminded1h() && v.pendingOutbound() == 0);
    assertThat(lastReply(id)).contains("en una hora");
    env.sleep(Duration.between(now(), visit.plus(Duration.ofHours(2)).plusSeconds(60)));
    await(id, v -> v.appointment().followedUp() && v.pendingOutbound() == 0);
    assertThat(lastReply(id)).contains("¿Qué te pareció la propiedad?");
  }

  @Test
  void aTelegramLeadSharingItsContactIsAnsweredOnTelegram() {
    String id = LeadWorkflowIds.telegram("demo", 4242L);
    send(id, new InboundMessage("tg-1", com.inmo.workflows.lead.MessageKind.START, null, now(), null, "portal-inmobiliario"));
    settled(id);
    send(id, new InboundMessage("tg-2", com.inmo.workflows.lead.MessageKind.TEXT, "Soy Luz Mena, busco casa en Ñuñoa", now(), null, null));
    settled(id);
    send(id, new InboundMessage("tg-3", com.inmo.workflows.lead.MessageKind.CONTACT, "[contacto compartido]", now(),
        QualificationFields.EMPTY.withPhone("+56987650000"), null));
    LeadView view = settled(id);

    assertThat(messenger.to(id)).hasSize(3).allSatisfy(sent -> {
      assertThat(sent.message().channel()).isEqualTo(com.inmo.workflows.lead.Channel.TELEGRAM);
      assertThat(sent.message().channelRef()).isEqualTo("4242");
    });
    assertThat(view.fields().phone()).isEqualTo("+56987650000");
    assertThat(view.fields().name()).isEqualTo("Luz Mena");
    assertThat(recorded(() -> records.leads.get(id).source(), "portal-inmobiliario"::equals))
        .isEqualTo("portal-inmobiliario");
  }

  @Test
  void theSameChannelMessageTwiceIsOneMessage() {
    String id = webchatLead("dup");

    sayWithId(id, "tg-100", "Hola");
    sayWithId(id, "tg-100", "Hola");
    sayWithId(id, "tg-100", "Hola");
    settled(id);

    assertThat(records.messagesOf(id)).filteredOn(m -> m.direction().equals("INBOUND")).hasSize(1);
    assertThat(messenger.to(id)).hasSize(1);
    assertThat(state(id).score().engagement()).isEqualTo(3);
  }

  @Test
  void outsideBusinessHoursTheReplyWaitsForTheOpening() {
    records.config = config(BusinessHours.standard("America/Santiago"));
    ZonedDateTime elevenPm = START.atZone(SANTIAGO).with(LocalTime.of(23, 0));
    env.sleep(Duration.between(START, elevenPm.toInstant()));
    String id = webchatLead("night");

    says(id, "Hola, ¿tienen departamentos en Providencia?");
    LeadView waiting = state(id);
    assertThat(messenger.to(id)).isEmpty();
    Instant nineAm = elevenPm.plusDays(1).with(LocalTime.of(9, 0)).toInstant();
    assertThat(waiting.nextAction().kind()).isEqualTo(com.inmo.workflows.lead.TimerKind.SEND_REPLY);
    assertThat(waiting.nextAction().at()).isEqualTo(nineAm);

    env.sleep(Duration.between(now(), nineAm.plusSeconds(30)));
    await(id, v -> v.pendingOutbound() == 0);
    assertThat(messenger.to(id)).singleElement().satisfies(sent -> assertThat(sent.at()).isAfterOrEqualTo(nineAm));
  }

  @Test
  void twoLeadsChoosingTheSameSlotAtOnceNeverBothGetIt() {
    String ana = webchatLead("ana");
    String beto = webchatLead("beto");
    says(ana, "Hola, quiero agendar una visita");
    says(beto, "Hola, quiero agendar una visita");
    assertThat(state(ana).offeredSlots()).isEqualTo(state(beto).offeredSlots());

    CompletableFuture.allOf(CompletableFuture.runAsync(() -> say(ana, "La primera")),
        CompletableFuture.runAsync(() -> say(beto, "La primera"))).join();
    LeadView a = settled(ana);
    LeadView b = settled(beto);

    List<LeadView> booked = List.of(a, b).stream().filter(v -> v.appointment() != null && v.appointment().booked())
        .toList();
    assertThat(booked).hasSize(1);
    assertThat(calendar.booked).hasSize(1);
    String loser = booked.get(0) == a ? beto : ana;
    assertThat(lastReply(loser)).startsWith("Ese horario se acaba de ocupar");
    assertThat(state(loser).stage()).isNotEqualTo(LeadStage.SCHEDULED);
    assertThat(state(loser).offeredSlots()).doesNotContain(booked.get(0).appointment().start());
  }

  @Test
  void humanUpdatesAreValidatedAndAnswerWithTheNewState() {
    String id = webchatLead("updates");
    says(id, "Hola, me llamo Carla Soto");

    assertThatThrownBy(() -> lead(id).moveStage(new MoveStageRequest("u-1", LeadStage.WON, " ")))
        .isInstanceOf(WorkflowUpdateException.class).rootCause().hasMessageContaining("needs a reason");
    LeadView moved = lead(id).moveStage(new MoveStageRequest("u-1", LeadStage.POTENTIAL, "llamó a la oficina"));
    assertThat(moved.stage()).isEqualTo(LeadStage.POTENTIAL);
    assertThat(records.stageMoves).last().satisfies(m -> {
      assertThat(m.actor()).isEqualTo("u-1");
      assertThat(m.reason()).isEqualTo("llamó a la oficina");
    });

    Instant notOffered = now().plus(Duration.ofDays(3)).plusSeconds(17);
    assertThatThrownBy(() -> lead(id).bookVisit(new BookVisitRequest("u-1", notOffered)))
        .isInstanceOf(WorkflowUpdateException.class).rootCause().hasMessageContaining("not offered");
    Instant free = calendar.availableSlots(new com.inmo.workflows.activity.SlotQuery("demo", now(), 7, 1)).slots().get(0);
    LeadView booked = lead(id).bookVisit(new BookVisitRequest("u-1", free));
    assertThat(booked.stage()).isEqualTo(LeadStage.SCHEDULED);
    assertThat(lastReply(id)).startsWith("¡Listo! Tu visita quedó agendada");
    assertThatThrownBy(() -> lead(id).bookVisit(new BookVisitRequest("u-1", free)))
        .isInstanceOf(WorkflowUpdateException.class).rootCause().hasMessageContaining("already has a visit");
  }

  @Test
  void channelMessageKindsAreEachHandledAsTheirMeaningSays() {
    String id = webchatLead("kinds");
    send(id, new InboundMessage("tg-1", com.inmo.workflows.lead.MessageKind.START, null, now(), null, "campana-verano"));
    settled(id);
    assertThat(lastReply(id)).contains("Sofía");
    assertThat(recorded(() -> records.leads.get(id).source(), "campana-verano"::equals)).isEqualTo("campana-verano");

    send(id, new InboundMessage("tg-2", com.inmo.workflows.lead.MessageKind.CONTACT, "[contacto compartido]", now(),
        QualificationFields.EMPTY.withPhone("+56987654321"), null));
    settled(id);
    assertThat(state(id).fields().phone()).isEqualTo("+56987654321");

    send(id, new InboundMessage("tg-3", com.inmo.workflows.lead.MessageKind.MEDIA, null, now(), null, null));
    settled(id);
    assertThat(lastReply(id)).contains("solo puedo leer texto");

    int replies = messenger.to(id).size();
    send(id, new InboundMessage("tg-3-edit-1", com.inmo.workflows.lead.MessageKind.EDITED, "quise decir Ñuñoa", now(), null, null));
    settled(id);
    assertThat(messenger.to(id)).as("an edit is not answered").hasSize(replies);
    assertThat(records.messagesOf(id)).extracting("body").contains("[editado] quise decir Ñuñoa");

    send(id, new InboundMessage("tg-blocked-1", com.inmo.workflows.lead.MessageKind.BLOCKED, null, now(), null, null));
    LeadView blocked = settled(id);
    assertThat(blocked.unreachable()).isTrue();
    assertThat(blocked.nextAction()).isNull();
    env.sleep(Duration.ofDays(2));
    assertThat(messenger.to(id)).hasSize(replies);
  }
}
