package com.inmo.worker.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.activity.StageMoveRecord;
import com.inmo.workflows.activity.TeamNotification;
import com.inmo.workflows.broker.BusinessHours;
import com.inmo.workflows.call.CallStatus;
import com.inmo.workflows.lead.HumanMessageRequest;
import com.inmo.workflows.lead.LeadStage;
import com.inmo.workflows.lead.LeadView;
import com.inmo.workflows.lead.TakeOverRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadTimersWorkflowTest extends LeadWorkflowTestBase {

  @Test
  void aSilentLeadGetsFourNudgesThenIsLostAfterSevenDays() {
    String id = webchatLead("silent");
    says(id, "Hola");
    Instant greeted = messenger.to(id).get(0).at();

    for (int nudge = 1; nudge <= 4; nudge++) {
      int expected = nudge;
      env.sleep(Duration.between(now(), state(id).nextAction().at()).plusSeconds(30));
      await(id, v -> v.followUpsSent() == expected && v.pendingOutbound() == 0);
    }

    List<RecordingMessenger.Sent> sent = messenger.to(id);
    assertThat(sent).hasSize(5);
    assertThat(Duration.between(greeted, sent.get(1).at())).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
    assertThat(Duration.between(greeted, sent.get(2).at())).isBetween(Duration.ofHours(24), Duration.ofHours(24).plusMinutes(1));
    assertThat(Duration.between(greeted, sent.get(3).at())).isBetween(Duration.ofHours(72), Duration.ofHours(72).plusMinutes(1));
    assertThat(Duration.between(greeted, sent.get(4).at())).isBetween(Duration.ofDays(7), Duration.ofDays(7).plusMinutes(1));
    LeadView lost = state(id);
    assertThat(lost.stage()).isEqualTo(LeadStage.LOST);
    assertThat(lost.closeReason()).isEqualTo("no response");
    assertThat(lost.nextAction()).isNull();
    assertThat(records.stageMoves).extracting(StageMoveRecord::reason).last().isEqualTo("no response");
  }

  @Test
  void aReplyResetsTheCadence() {
    String id = webchatLead("resets");
    says(id, "Hola");
    env.sleep(Duration.ofMinutes(11));
    await(id, v -> v.followUpsSent() == 1 && v.pendingOutbound() == 0);

    says(id, "Perdón, estaba ocupado. Busco casa en Las Condes");

    LeadView view = state(id);
    assertThat(view.followUpsSent()).isZero();
    assertThat(view.nextAction().kind()).isEqualTo(com.inmo.workflows.lead.TimerKind.FOLLOW_UP);
    assertThat(Duration.between(now(), view.nextAction().at())).isLessThanOrEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void anOptOutMidCadenceStopsEverything() {
    String id = webchatLead("optout");
    says(id, "Hola");
    env.sleep(Duration.ofMinutes(11));
    await(id, v -> v.followUpsSent() == 1 && v.pendingOutbound() == 0);

    says(id, "STOP, no me escriban más");
    LeadView out = state(id);
    assertThat(out.optedOut()).isTrue();
    assertThat(out.stage()).isEqualTo(LeadStage.LOST);
    assertThat(out.nextAction()).isNull();
    int sentAtOptOut = messenger.to(id).size();

    env.sleep(Duration.ofDays(8));
    says(id, "hola de nuevo");
    assertThat(messenger.to(id)).hasSize(sentAtOptOut);
    assertThat(records.messagesOf(id)).filteredOn(m -> m.direction().equals("INBOUND")).extracting("body")
        .contains("hola de nuevo");
  }

  @Test
  void aTakenOverLeadWithoutHumanReplyEscalatesThenReturnsToTheAi() {
    String id = webchatLead("human");
    says(id, "Hola");
    LeadView taken = lead(id).takeOver(new TakeOverRequest("agent-1", "Ana"));
    assertThat(taken.humanMode()).isTrue();
    int before = messenger.to(id).size();

    says(id, "¿Hay alguien ahí?");
    assertThat(messenger.to(id)).as("the AI stays silent").hasSize(before);

    env.sleep(Duration.ofMinutes(16));
    await(id, v -> kinds().contains("HUMAN_REMINDER"));
    assertThat(kinds()).doesNotContain("ADMIN_ALERT");
    env.sleep(Duration.ofMinutes(15));
    await(id, v -> kinds().contains("ADMIN_ALERT"));
    assertThat(state(id).humanMode()).isTrue();
    env.sleep(Duration.ofMinutes(30));
    LeadView back = await(id, v -> !v.humanMode() && v.pendingOutbound() == 0);
    assertThat(back.humanMode()).isFalse();
    assertThat(lastReply(id)).startsWith("Disculpa la espera. Soy Sofía");
  }

  @Test
  void aHumanWritesAtOnceAndTheAiStaysSilent() {
    records.config = config(BusinessHours.standard("America/Santiago"));
    String id = webchatLead("writes");
    says(id, "Hola");

    LeadView view = lead(id).sendHumanMessage(new HumanMessageRequest("agent-7", "Pedro", "Hola, soy Pedro, ¿te llamo?", "r-1"));

    assertThat(view.humanMode()).isTrue();
    assertThat(view.humanWaitingSince()).isNull();
    assertThat(messenger.to(id)).last().satisfies(s -> {
      assertThat(s.message().author()).isEqualTo("HUMAN");
      assertThat(s.message().authorUserId()).isEqualTo("agent-7");
    });
    int sent = messenger.to(id).size();
    says(id, "Sí, llámame por favor");
    env.sleep(Duration.ofMinutes(14));
    assertThat(messenger.to(id)).hasSize(sent);
  }

  @Test
  void unansweredCallsAreRetriedWithinTheCapsThenAMessageGoesInstead() {
    records.config = config(BusinessHours.standard("America/Santiago"));
    voice.outcome = CallStatus.NO_ANSWER;
    String id = webchatLead("calls");
    says(id, "Hola, soy Ana Rojas y mi teléfono es +56 9 8765 4321");
    says(id, "¿Me pueden llamar?");
    says(id, "Sí");

    for (int i = 0; i < 300 && !(voice.started.size() == 6 && state(id).activeCallId() == null); i++) {
      env.sleep(Duration.ofMinutes(20));
      sleepReal(20);
    }
    env.sleep(Duration.ofDays(3));
    LeadView done = settled(id);

    assertThat(voice.started).hasSize(6);
    assertThat(done.nextCallAt()).isNull();
    assertThat(done.lastCallStatus()).isEqualTo("NO_ANSWER");
    assertThat(voice.started).extracting(c -> c.idempotencyKey()).doesNotHaveDuplicates();
    // at most three a day, at least two hours apart, none outside business hours
    java.util.Map<java.time.LocalDate, List<Instant>> byDay = voice.startedAt.stream()
        .collect(java.util.stream.Collectors.groupingBy(t -> t.atZone(SANTIAGO).toLocalDate()));
    assertThat(byDay.values()).allSatisfy(day -> {
      assertThat(day).hasSizeLessThanOrEqualTo(3);
      for (int i = 1; i < day.size(); i++) {
        assertThat(Duration.between(day.get(i - 1), day.get(i))).isGreaterThanOrEqualTo(Duration.ofHours(2));
      }
    });
    assertThat(voice.startedAt).allSatisfy(t -> assertThat(t.atZone(SANTIAGO).getHour()).isBetween(9, 18));
    long fallbacks = messenger.to(id).stream().filter(s -> s.message().text().contains("Intenté llamarte")).count();
    assertThat(fallbacks).isEqualTo(2);
  }

  @Test
  void aCallWhoseReportNeverArrivesIsRecoveredByAskingTheProvider() {
    voice.outcome = CallStatus.COMPLETED;
    voice.webhookArrives = false;
    String id = webchatLead("poll");
    says(id, "Hola, soy Luis Mella, mi teléfono es +56 9 5555 1234");
    says(id, "Llámame por favor");
    say(id, "Sí, dale");
    await(id, v -> v.activeCallId() != null && v.pendingOutbound() == 0);

    env.sleep(Duration.ofMinutes(16));
    LeadView done = await(id, v -> v.activeCallId() == null);

    assertThat(done.lastCallStatus()).isEqualTo("COMPLETED");
    assertThat(records.messagesOf(id)).extracting("body").anySatisfy(body ->
        assertThat((String) body).contains("Llamada completada").contains("sábado"));
  }

  private List<String> kinds() {
    return records.notifications.stream().map(TeamNotification::kind).toList();
  }
}
