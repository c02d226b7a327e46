package com.inmo.workflows.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.inmo.workflows.agent.ConversationTurn;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadStateTest {

  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

  private static ConversationTurn turn(int i) {
    return new ConversationTurn(i % 2 == 0 ? "LEAD" : "AI", "mensaje " + i, T0.plusSeconds(i));
  }

  @Test
  void rememberReportsNewIdsTrueAndDuplicatesFalse() {
    LeadState s = new LeadState();
    assertThat(s.remember("m1")).isTrue();
    assertThat(s.remember("m2")).isTrue();
    assertThat(s.remember("m1")).isFalse();
    assertThat(s.seenMessageIds).containsExactly("m1", "m2");
  }

  @Test
  void aMissingIdIsNeverADuplicateAndIsNotStored() {
    LeadState s = new LeadState();
    assertThat(s.remember(null)).isTrue();
    assertThat(s.remember(null)).isTrue();
    assertThat(s.seenMessageIds).isEmpty();
  }

  @Test
  void rememberKeepsAtMostMaxSeenIdsDroppingTheOldest() {
    LeadState s = new LeadState();
    IntStream.range(0, LeadState.MAX_SEEN_IDS + 5).forEach(i -> assertThat(s.remember("m" + i)).isTrue());
    assertThat(s.seenMessageIds).hasSize(LeadState.MAX_SEEN_IDS);
    assertThat(s.seenMessageIds.iterator().next()).isEqualTo("m5");
    assertThat(s.remember("m" + (LeadState.MAX_SEEN_IDS + 4))).isFalse(); // newest still known
    assertThat(s.remember("m5")).isFalse();                               // oldest kept still known
    assertThat(s.remember("m0")).isTrue();                                // dropped: seen as new again
    assertThat(s.seenMessageIds).hasSize(LeadState.MAX_SEEN_IDS);
  }

  @ParameterizedTest(name = "{0} turns")
  @ValueSource(ints = {1, 19, 20})
  void upToMaxRecentTurnsAreKeptVerbatimWithoutSummary(int n) {
    LeadState s = new LeadState();
    IntStream.rangeClosed(1, n).forEach(i -> s.addTurn(turn(i)));
    assertThat(s.recentTurns).hasSize(n);
    assertThat(s.summary).isEmpty();
  }

  @Test
  void olderTurnsAreFoldedIntoTheSummaryInOrder() {
    LeadState s = new LeadState();
    IntStream.rangeClosed(1, LeadState.MAX_RECENT_TURNS + 3).forEach(i -> s.addTurn(turn(i)));
    assertThat(s.recentTurns).hasSize(LeadState.MAX_RECENT_TURNS);
    assertThat(s.recentTurns.get(0)).isEqualTo(turn(4));
    assertThat(s.recentTurns.get(LeadState.MAX_RECENT_TURNS - 1)).isEqualTo(turn(LeadState.MAX_RECENT_TURNS + 3));
    assertThat(s.summary).isEqualTo("AI: mensaje 1\nLEAD: mensaje 2\nAI: mensaje 3");
  }

  @Test
  void summaryStaysBoundedAndKeepsTheNewestFoldedText() {
    LeadState s = new LeadState();
    String longText = "x".repeat(500);
    IntStream.rangeClosed(1, 200).forEach(i ->
        s.addTurn(new ConversationTurn("LEAD", "turno " + i + " " + longText, T0.plusSeconds(i))));
    assertThat(s.recentTurns).hasSize(LeadState.MAX_RECENT_TURNS);
    assertThat(s.summary.length()).isLessThanOrEqualTo(Summaries.MAX_SUMMARY_CHARS);
    assertThat(s.summary).contains("LEAD: turno 180 ").doesNotContain("turno 181 ").doesNotContain("turno 1 x");
    assertThat(s.summary.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(166));
  }
}
