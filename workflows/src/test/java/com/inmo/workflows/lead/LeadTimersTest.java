package com.inmo.workflows.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.agent.AgentPersona;
import com.inmo.workflows.broker.BrokerConfig;
import com.inmo.workflows.broker.BusinessHours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeadTimersTest {

  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
  private static final BrokerConfig CONFIG = new BrokerConfig("b", "demo",
      new AgentPersona("Sofía", "t", "Demo", List.of(), "es"), BusinessHours.always("America/Santiago"),
      null, null, 0, 0, null, null);

  /** An open lead the AI is waiting on since T0, nothing else pending. */
  private static LeadState waiting() {
    LeadState s = new LeadState();
    s.stage = LeadStage.PROFILING;
    s.silenceSince = T0;
    return s;
  }

  private static List<String> kinds(LeadState s) {
    return LeadTimers.candidates(s, CONFIG).stream().map(a -> a.kind().name()).toList();
  }

  private static Appointment visit(Instant start, boolean r24, boolean r1, boolean after) {
    return new Appointment(UUID.nameUUIDFromBytes(new byte[] {1}), start, start.plus(Duration.ofHours(1)), "BOOKED",
        r24, r1, after);
  }

  @ParameterizedTest(name = "after {0} sent -> {1} at +{2}")
  @CsvSource({"0, FOLLOW_UP, PT10M", "1, FOLLOW_UP, PT24H", "2, FOLLOW_UP, PT72H", "3, CLOSE_NO_RESPONSE, P7D"})
  void followUpCadenceCountsFromSilenceSince(int sent, TimerKind kind, Duration offset) {
    LeadState s = waiting();
    s.followUpsSent = sent;
    assertThat(LeadTimers.next(s, CONFIG)).isEqualTo(new NextAction(kind, T0.plus(offset)));
  }

  @Test
  void noTimerOnceTheWholeCadenceWasSent() {
    LeadState s = waiting();
    s.followUpsSent = BrokerConfig.DEFAULT_CADENCE.size();
    assertThat(LeadTimers.next(s, CONFIG)).isNull();
    assertThat(LeadTimers.candidates(s, CONFIG)).isEmpty();
  }

  @Test
  void aBrokersOwnCadenceIsUsedAndItsLastStepCloses() {
    BrokerConfig custom = new BrokerConfig("b", "demo", CONFIG.persona(), CONFIG.businessHours(), null,
        List.of(Duration.ofHours(1), Duration.ofHours(5)), 0, 0, null, null);
    LeadState s = waiting();
    assertThat(LeadTimers.next(s, custom)).isEqualTo(new NextAction(TimerKind.FOLLOW_UP, T0.plus(Duration.ofHours(1))));
    s.followUpsSent = 1;
    assertThat(LeadTimers.next(s, custom)).isEqualTo(new NextAction(TimerKind.CLOSE_NO_RESPONSE, T0.plus(Duration.ofHours(5))));
  }

  @ParameterizedTest(name = "no follow-up when {0}")
  @ValueSource(strings = {"human mode", "opted out", "unreachable", "WON", "LOST", "SCHEDULED", "pending inbox",
      "pending outbox", "not waiting", "visit booked"})
  void noFollowUpsWhen(String condition) {
    LeadState s = waiting();
    switch (condition) {
      case "human mode" -> s.humanMode = true;
      case "opted out" -> s.optedOut = true;
      case "unreachable" -> s.unreachable = true;
      case "WON" -> s.stage = LeadStage.WON;
      case "LOST" -> s.stage = LeadStage.LOST;
      case "SCHEDULED" -> s.stage = LeadStage.SCHEDULED;
      case "pending inbox" -> s.inbox.add(new WaitingInbound(null, false));
      case "pending outbox" -> s.outbox.add(new OutboxItem("k", "hola", T0, Author.AI, null));
      case "not waiting" -> s.silenceSince = null;
      case "visit booked" -> s.appointment = visit(T0.plus(Duration.ofDays(3)), false, false, false);
      default -> throw new IllegalArgumentException(condition);
    }
    assertThat(LeadTimers.followUpsApply(s)).isFalse();
    assertThat(kinds(s)).doesNotContain("FOLLOW_UP", "CLOSE_NO_RESPONSE");
  }

  @ParameterizedTest(name = "reminded24h={0}, reminded1h={1}, followedUp={2} -> {3}")
  @CsvSource(delimiter = ';', value = {
      "false; false; false; VISIT_REMINDER_24H,VISIT_REMINDER_1H,POST_VISIT",
      "true; false; false; VISIT_REMINDER_1H,POST_VISIT",
      "true; true; false; POST_VISIT",
      "false; true; true; VISIT_REMINDER_24H",
      "true; true; true; ''"})
  void visitRemindersRespectWhatWasAlreadySent(boolean r24, boolean r1, boolean after, String expected) {
    Instant start = T0.plus(Duration.ofDays(3));
    LeadState s = new LeadState();
    s.stage = LeadStage.SCHEDULED;
    s.appointment = visit(start, r24, r1, after);
    List<NextAction> all = List.of(new NextAction(TimerKind.VISIT_REMINDER_24H, start.minus(Duration.ofHours(24))),
        new NextAction(TimerKind.VISIT_REMINDER_1H, start.minus(Duration.ofHours(1))),
        new NextAction(TimerKind.POST_VISIT, start.plus(Duration.ofHours(2))));
    List<String> wanted = expected.isEmpty() ? List.of() : List.of(expected.split(","));
    assertThat(LeadTimers.candidates(s, CONFIG))
        .containsExactlyElementsOf(all.stream().filter(a -> wanted.contains(a.kind().name())).toList());
  }

  @ParameterizedTest(name = "no visit reminders when {0}")
  @ValueSource(strings = {"cancelled", "opted out", "unreachable"})
  void noVisitRemindersWhen(String condition) {
    LeadState s = new LeadState();
    s.stage = LeadStage.SCHEDULED;
    s.appointment = visit(T0.plus(Duration.ofDays(3)), false, false, false);
    switch (condition) {
      case "cancelled" -> s.appointment = s.appointment.cancelled();
      case "opted out" -> s.optedOut = true;
      case "unreachable" -> s.unreachable = true;
      default -> throw new IllegalArgumentException(condition);
    }
    assertThat(LeadTimers.candidates(s, CONFIG)).isEmpty();
  }

  @ParameterizedTest(name = "escalation {0} -> {1} at +{2}")
  @CsvSource({"0, HUMAN_REMINDER, PT15M", "1, ADMIN_ALERT, PT30M", "2, RETURN_TO_AI, PT60M"})
  void humanModeEscalatesFromHumanWaitingSince(int escalation, TimerKind kind, Duration offset) {
    LeadState s = new LeadState();
    s.humanMode = true;
    s.humanWaitingSince = T0;
    s.humanEscalation = escalation;
    assertThat(LeadTimers.candidates(s, CONFIG)).containsExactly(new NextAction(kind, T0.plus(offset)));
  }

  @Test
  void humanModeWithNobodyWaitingHasNoTimer() {
    LeadState s = waiting();
    s.humanMode = true;
    assertThat(LeadTimers.candidates(s, CONFIG)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> call scheduled: {1}")
  @CsvSource({"idle, true", "active call, false", "opted out, false", "human mode, false"})
  void callAtNextCallAtOnlyWithoutAnActiveCall(String condition, boolean expectCall) {
    LeadState s = new LeadState();
    s.nextCallAt = T0.plus(Duration.ofHours(2));
    switch (condition) {
      case "active call" -> s.activeCallId = "lead-demo-telegram-1-call-1";
      case "opted out" -> s.optedOut = true;
      case "human mode" -> s.humanMode = true;
      default -> { }
    }
    assertThat(LeadTimers.candidates(s, CONFIG))
        .isEqualTo(expectCall ? List.of(new NextAction(TimerKind.CALL, s.nextCallAt)) : List.of());
  }

  @Test
  void sendReplyAtTheOutboxHeadsNotBefore() {
    LeadState s = new LeadState();
    s.outbox.add(new OutboxItem("k1", "uno", T0.plus(Duration.ofHours(3)), Author.AI, null));
    s.outbox.add(new OutboxItem("k2", "dos", T0, Author.AI, null));
    assertThat(LeadTimers.candidates(s, CONFIG))
        .containsExactly(new NextAction(TimerKind.SEND_REPLY, T0.plus(Duration.ofHours(3))));
  }

  @Test
  void noSendReplyWhileAStepFailed() {
    LeadState s = new LeadState();
    s.outbox.add(new OutboxItem("k1", "uno", T0, Author.AI, null));
    s.failed = new FailedStep("SEND_REPLY", "boom", T0);
    assertThat(LeadTimers.candidates(s, CONFIG)).isEmpty();
  }

  @Test
  void nextIsTheEarliestAndDueListsThoseAtOrBeforeNowInTimeOrder() {
    LeadState s = waiting();                            // FOLLOW_UP at +10 min
    s.nextCallAt = T0.plus(Duration.ofMinutes(5));      // CALL at +5 min
    s.appointment = null;
    assertThat(LeadTimers.next(s, CONFIG)).isEqualTo(new NextAction(TimerKind.CALL, T0.plus(Duration.ofMinutes(5))));
    assertThat(LeadTimers.due(s, CONFIG, T0)).isEmpty();
    assertThat(LeadTimers.due(s, CONFIG, T0.plus(Duration.ofMinutes(9)))).extracting(NextAction::kind)
        .containsExactly(TimerKind.CALL);
    assertThat(LeadTimers.due(s, CONFIG, T0.plus(Duration.ofMinutes(10)))).extracting(NextAction::kind)
        .containsExactly(TimerKind.CALL, TimerKind.FOLLOW_UP);
  }

  @Test
  void nothingPendingMeansNoNextAction() {
    assertThat(LeadTimers.next(new LeadState(), CONFIG)).isNull();
    assertThat(LeadTimers.due(new LeadState(), CONFIG, T0)).isEmpty();
  }
}
